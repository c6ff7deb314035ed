"""The name register's entry pages: /names/<slug>/ lists the events that mention the entry."""

from datetime import date

import pytest
from django.urls import reverse

from articles.names.linking import link_article_names
from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def linked(**fields):
    article = make_article(**fields)
    link_article_names(article)
    return article


def name_page(client, slug: str, query: str = ""):
    return client.get(reverse("articles:name-detail", kwargs={"slug": slug}) + query)


def test_events_mentioning_the_entry_in_any_spelling_are_listed(client):
    hanoi = make_event("PM receives Chen Gang", slug="hanoi", on=date(2025, 2, 18))
    guangxi = make_event("Ambassador in Guangxi", slug="guangxi", on=date(2025, 5, 16))
    other = make_event("Unrelated", slug="other", on=date(2025, 3, 1))
    linked(language="en", event=hanoi, body="PM Phạm Minh Chính received Chen Gang.")
    linked(language="vi", event=guangxi, body="Đại sứ hội kiến đồng chí Trần Cương.")
    linked(language="en", event=other, body="Nothing about him.")
    response = name_page(client, "chen-gang")
    assert [event.slug for event in response.context["events"]] == ["guangxi", "hanoi"]
    html = response.content.decode()
    assert "Trần Cương" in html and 'lang="vi"' in html  # its spellings, with their language
    assert "Unrelated" not in html


def test_drafts_do_not_count_as_mentions(client):
    event = make_event(slug="quiet")
    linked(language="en", event=event, status="draft", body="Chen Gang, in a draft.")
    assert list(name_page(client, "chen-gang").context["events"]) == []


def test_an_unknown_entry_is_a_404(client):
    assert name_page(client, "nobody-at-all").status_code == 404


def test_the_reader_panel_links_a_name_to_its_entry_page(client):
    event = make_event(slug="hanoi")
    linked(language="en", event=event, body="Chen Gang met the Prime Minister.")
    linked(language="id", event=event, body="Tran Cuong bertemu Perdana Menteri.")
    html = client.get(event.get_absolute_url()).content.decode()
    assert 'class="fact-entry" href="/names/chen-gang/"' in html


def test_the_entry_page_runs_as_many_queries_for_30_events_as_for_3(client):
    """Each listed event's coverage is prefetched: no query per event (no N+1)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add_events(count: int) -> None:
        for _ in range(count):
            event = make_event()
            linked(language="en", event=event, body="Chen Gang spoke.")
            linked(language="vi", event=event, body="Trần Cương phát biểu.")

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert name_page(client, "chen-gang").status_code == 200
        return len(ctx.captured_queries)

    add_events(3)
    small = queries()
    add_events(27)
    assert queries() == small


def test_the_entry_page_counts_one_page_ahead(client, monkeypatch):
    """Each event listed costs a walk past the events that do not mention the entry, so the
    page looks one page ahead, not ten, and says there are more instead of counting them."""
    from articles.views.names import NameDetailView

    monkeypatch.setattr(NameDetailView, "paginate_by", 2)
    for day in range(1, 7):
        event = make_event(on=date(2025, 3, day))
        linked(language="en", event=event, body="Chen Gang spoke.")
    first = name_page(client, "chen-gang")
    assert first.context["paginator"].capped
    assert "Page 1 of more than 2" in first.content.decode()
    last = name_page(client, "chen-gang", "?page=3")
    assert [event.date.day for event in last.context["events"]] == [2, 1]
    assert "Page 3 of 3" in last.content.decode()
