"""Every write path keeps what pages read (name links, comparisons, alignments) in step.

Pages never compute these; if a write path forgot `refresh_for_article`, the event page would
fall back to computing them on a page view (logging a warning for the alignment). These tests
import and group for real.
"""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from articles.comparison.caching import _cache_key, fingerprint
from articles.models import Article, ArticleName, Event, EventAlignment
from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def import_(django_capture_on_commit_callbacks):
    """Run the command, then the after-commit refreshes as a real commit would."""

    def run(*args: str) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            call_command("import_articles", *args, stdout=StringIO(), stderr=StringIO())

    return run


def comparison_is_stored(event: Event) -> bool:
    return cache.get(_cache_key(fingerprint(Article.objects.event_versions(event)))) is not None


def test_importing_into_an_event_links_names_and_stores_comparison_and_alignment(
    import_, seed_path
):
    event = make_event("Hà Nội meeting", slug="hanoi")
    import_(str(seed_path("000")), str(seed_path("002")), "--event", "hanoi")
    assert Article.objects.filter(event=event).count() == 2
    assert ArticleName.objects.filter(entry__slug="chen-gang").count() == 2
    alignment = EventAlignment.objects.get(event=event)
    assert {v["language"] for v in alignment.versions} == {"id", "en"}
    assert comparison_is_stored(event)


def test_grouping_on_import_stores_alignments_for_the_new_events(import_, seed_path):
    import_(*(str(seed_path(p)) for p in ("000", "001", "002", "003", "004")), "--group")
    for event in Event.objects.all():
        alignment = EventAlignment.objects.get(event=event)
        assert len(alignment.versions) == event.articles.count()
        assert comparison_is_stored(event)
