"""Lists count only as far as a reader can page from where they are, and say when there is more."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import facets
from articles.models import Event
from articles.views import pagination
from articles.views.pagination import CappedPaginator
from tests.factories import make_article, make_event

EVENTS = reverse("articles:event-list")


@pytest.fixture
def thirty_events(db):
    for _ in range(30):
        make_event()
    return Event.objects.order_by("pk")


def test_the_count_stops_at_the_look_ahead_horizon(thirty_events):
    paginator = CappedPaginator(thirty_events, 2, requested_page=1)
    assert paginator.limit == (1 + pagination.LOOKAHEAD_PAGES) * 2
    assert paginator.capped
    assert paginator.count == paginator.limit
    assert paginator.page(1).has_next()


def test_a_page_near_the_end_counts_everything(thirty_events):
    paginator = CappedPaginator(thirty_events, 2, requested_page=14)
    assert not paginator.capped
    assert paginator.count == 30
    assert paginator.num_pages == 15
    assert not paginator.page(15).has_next()


def test_every_key_is_known_only_when_the_first_page_s_walk_reached_the_end(thirty_events):
    keys = list(thirty_events.values_list("pk", flat=True))
    assert CappedPaginator(thirty_events, 3, requested_page=1).every_key == keys
    assert CappedPaginator(thirty_events, 2, requested_page=1).every_key is None  # capped
    assert CappedPaginator(thirty_events, 3, requested_page=2).every_key is None  # not all


def test_the_count_query_is_limited(thirty_events):
    with CaptureQueriesContext(connection) as queries:
        assert CappedPaginator(thirty_events, 2).count
    assert "LIMIT" in queries.captured_queries[-1]["sql"].upper()


def test_a_deep_page_and_its_count_come_from_one_walk_of_the_list(thirty_events):
    """The rows before a deep page are walked once, for its keys and the look-ahead count
    together: counting first and then fetching the page walked them twice."""
    paginator = CappedPaginator(thirty_events, 2, requested_page=7)
    with CaptureQueriesContext(connection) as queries:
        page = paginator.page(7)
        assert paginator.count == 30 and not paginator.capped
        rows = list(page)
    assert rows == list(thirty_events[12:14])
    sql = [query["sql"].upper() for query in queries.captured_queries]
    assert len(sql) == 2
    assert [text for text in sql if "OFFSET" in text] == sql[:1]
    assert not [text for text in sql if "COUNT(" in text]


def test_a_capped_list_says_more_than_and_links_onwards(client, db, monkeypatch):
    monkeypatch.setattr(pagination, "LOOKAHEAD_PAGES", 1)
    # Longer than the facets count: its first page walks no further for them.
    monkeypatch.setattr(facets, "FACET_LIMIT", 10)
    for _ in range(45):
        make_article(event=make_event())
    first = client.get(EVENTS)
    html = first.content.decode()
    assert "More than 40 events" in html
    assert "Page 1 of more than 2" in html
    assert 'rel="next"' in html
    last = client.get(EVENTS + "?page=3")
    assert len(last.context["events"]) == 5
    assert "45 events" in last.content.decode()
    assert "Page 3 of 3" in last.content.decode()


def test_a_list_short_enough_for_its_facets_is_counted_exactly_on_its_first_page(
    client, db, monkeypatch
):
    """Its first page's walk reads up to FACET_LIMIT + 1 keys for the facets anyway."""
    monkeypatch.setattr(pagination, "LOOKAHEAD_PAGES", 1)
    for _ in range(45):
        make_article(event=make_event())
    html = client.get(EVENTS).content.decode()
    assert "45 events" in html
    assert "Page 1 of 3" in html


def test_a_page_far_past_the_end_is_still_a_404(client, db):
    make_article(event=make_event())
    assert client.get(EVENTS + "?page=999999999").status_code == 404


def test_a_page_holds_the_same_rows_in_the_same_order_as_a_plain_slice(thirty_events):
    """The rows are found by their keys first; the page is what slicing the list would give."""
    ordered = thirty_events.order_by("-date", "title", "-pk")
    for number in (1, 7, 15):
        page = CappedPaginator(ordered, 2, requested_page=number).page(number)
        assert list(page) == list(ordered[(number - 1) * 2 : number * 2])
