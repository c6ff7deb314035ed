"""Splitting articles out of an event (articles/editing/splitting.py): a new event titled
and dated from the articles' own data by grouping's rule, the articles moved, recorded in
the history; a selection that cannot be split is refused whole, with the reason."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from articles.editing.splitting import split_event
from articles.grouping.events import plan_new_event
from articles.models import Article, Event, EventAlignment
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed():
    """An event holding two reports of a second meeting by mistake."""
    event = make_event("Chen Gang in Hà Nội", slug="hanoi", on=date(2025, 2, 18))
    stays = make_article(language="en", event=event, published_on=date(2025, 2, 19),
                         body="The Prime Minister met Chen Gang in Hà Nội.")  # fmt: skip
    out = [
        make_article(language="sv", event=event, title="Möte i Quang Ninh",
                     published_on=date(2025, 2, 21), body="Kamrat Vu Dai Thang i Quang Ninh."),
        make_article(language="en", event=event, title="Quảng Ninh meeting",
                     published_on=date(2025, 2, 22), body="Vũ Đại Thắng met Chen Gang."),
    ]  # fmt: skip
    return event, stays, out


def loaded(articles: list[Article]) -> list[Article]:
    return list(Article.objects.select_related("language").filter(pk__in=[a.pk for a in articles]))


def test_split_makes_a_new_event_from_the_articles_own_title_and_date(
    mixed, django_capture_on_commit_callbacks
):
    event, stays, out = mixed
    with django_capture_on_commit_callbacks(execute=True):
        new = split_event(loaded(out))
    plan = plan_new_event(loaded(out))
    # Grouping's rule: English title first, the earliest date the articles hold.
    assert (new.title, new.date) == ("Quảng Ninh meeting", date(2025, 2, 21)) == (
        plan.title, plan.date,
    )  # fmt: skip
    assert set(new.articles.all()) == set(out)
    assert list(event.articles.all()) == [stays]
    # Both events' alignments follow.
    assert {v["id"] for v in EventAlignment.objects.get(event=event).versions} == {stays.pk}
    assert len(EventAlignment.objects.get(event=new).versions) == 2


def test_the_split_is_in_the_history_with_its_reason(mixed):
    _, _, out = mixed
    new = split_event(loaded(out))
    assert new.history.get().history_change_reason == "split: out of hanoi"
    for article in out:
        latest = Article.history.filter(id=article.pk).latest()
        assert (latest.event_id, latest.history_change_reason) == (new.pk, "split: out of hanoi")


def test_articles_that_hold_no_date_are_not_given_one(mixed):
    event, _, _ = mixed
    undated = make_article(language="id", event=event, title="Tanpa tanggal",
                           body="Pertemuan yang baik.")  # fmt: skip
    with pytest.raises(ValidationError, match="holds a date"):
        split_event(loaded([undated]))
    assert Article.objects.get(pk=undated.pk).event == event
    assert Event.objects.count() == 1


def test_every_article_of_an_event_is_not_a_split(mixed):
    _, stays, out = mixed
    with pytest.raises(ValidationError, match="nothing would remain"):
        split_event(loaded([stays, *out]))


def test_articles_of_two_events_or_of_the_inbox_are_refused(mixed):
    _, stays, _ = mixed
    other = make_article(language="vi", event=make_event(), published_on=date(2025, 2, 20))
    with pytest.raises(ValidationError, match="one event only"):
        split_event(loaded([stays, other]))
    inbox = make_article(language="vi", published_on=date(2025, 2, 20))
    with pytest.raises(ValidationError, match="inbox"):
        split_event(loaded([inbox]))
