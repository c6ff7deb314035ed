"""Event.is_public follows its articles through every kind of write, because the database
keeps it (migration 0012): saves, bulk inserts, queryset updates, deletes and stale saves."""

import pytest

from articles.models import Article, Event, Language
from articles.text import sha256_hex
from tests.factories import make_article, make_event


def public(event: Event) -> bool:
    return Event.objects.values_list("is_public", flat=True).get(pk=event.pk)


@pytest.fixture
def event(db):
    return make_event()


def test_a_published_article_makes_its_event_public(event):
    assert not public(event)
    make_article(event=event)
    assert public(event)


def test_a_draft_alone_does_not(event):
    make_article(event=event, status="draft")
    assert not public(event)


def test_bulk_inserts_count(event):
    body = "Bulk."
    Article.objects.bulk_create(
        [
            Article(
                event=event,
                language=Language.objects.get(code="en"),
                title="Bulk",
                body=body,
                body_sha256=sha256_hex(body),
            )
        ]
    )
    assert public(event)


def test_unpublishing_by_a_queryset_update_hides_the_event(event):
    make_article(event=event)
    Article.objects.filter(event=event).update(status="draft")
    assert not public(event)
    Article.objects.filter(event=event).update(status="published")
    assert public(event)


def test_moving_the_last_article_moves_publicity(event):
    other = make_event()
    article = make_article(event=event)
    Article.objects.filter(pk=article.pk).update(event=other)
    assert (public(event), public(other)) == (False, True)


def test_deleting_the_last_published_article(event):
    article = make_article(event=event)
    make_article(event=event, status="draft")
    article.delete()
    assert not public(event)


def test_an_event_saved_from_a_stale_instance_stays_right(event):
    stale = Event.objects.get(pk=event.pk)
    make_article(event=event)
    stale.title = "Renamed"
    stale.save()
    assert public(event)
    Article.objects.filter(event=event).update(status="draft")
    stale.is_public = True
    stale.save()
    assert not public(event)


def test_public_lists_follow_the_flag(event):
    make_article(event=event)
    assert list(Event.objects.public()) == [event]
    Article.objects.filter(event=event).delete()
    assert list(Event.objects.public()) == []
