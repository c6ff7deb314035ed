"""The read-only JSON API (articles/api/views.py): every endpoint and filter with the pages'
meanings, bad values refused naming the parameter, drafts never present, anonymous clients
throttled, the per-event JSON export, and query counts that do not grow with the list."""

import base64
import json
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.throttling import AnonRateThrottle

from articles.alignment.event_alignments import stored_rows
from articles.api.pagination import ArticlePagination, EventPagination
from articles.models import Article, Event, NameEntry, NameVariant
from articles.refresh import refresh_event
from tests.factories import make_article, make_capture, make_event, make_image
from tests.test_query_counts import populate
from tests.test_views_events import EVENT_FILTER_CASES


@pytest.fixture(autouse=True)
def _unthrottled(monkeypatch, settings):
    """Throttling is its own test; here every request is answered. The cache is per test."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()  # local memory outlives a test: no throttle counts from the one before
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})


@pytest.fixture
def refreshed(scene):
    """The scene as the write paths leave it: each event's alignment stored."""
    for event in scene["events"].values():
        refresh_event(event.pk)
    return scene


def results(client, name: str, query: str = "") -> list[dict]:
    response = client.get(reverse(f"api:{name}-list") + query)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def slugs(client, query: str = "") -> list[str]:
    return [event["slug"] for event in results(client, "event", query)]


@pytest.mark.parametrize(("query", "expected"), EVENT_FILTER_CASES)
def test_event_filters_mean_what_they_mean_on_the_event_list(client, scene, query, expected):
    """The event list page's own cases: `language` means covered in *every*
    listed language; dates inclusive on the event date; search ignores case and accents."""
    assert slugs(client, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["hanoi-en", "gx-vi", "qn-sv", "qn-id", "hanoi-id"]),
        ("?language=id&language=vi", ["gx-vi", "qn-id", "hanoi-id"]),
        ("?date_after=2025-02-19&date_before=2025-02-19", ["hanoi-en"]),
        ("?outlet=nhan-dan", ["gx-vi"]),
        ("?event=quang-ninh", ["qn-sv", "qn-id"]),
        ("?q=thang", ["qn-id", "qn-sv"]),
    ],
)
def test_article_filters_mean_what_they_mean_on_the_article_list(client, scene, query, expected):
    """`language` keeps articles in *any* listed language; dates are publication dates (an
    unknown date falls outside every range); newest first, undated last, newest id first."""
    ids = {article.pk: key for key, article in scene["articles"].items()}
    found = [ids[article["id"]] for article in results(client, "article", query)]
    if query.startswith("?q="):
        found.sort()
    assert found == expected


def cursor(key: list, back: bool = False) -> str:
    """A cursor as a client could forge one."""
    token = json.dumps({"key": key, "back": back}).encode()
    return base64.urlsafe_b64encode(token).decode()


@pytest.mark.parametrize(
    ("name", "query", "field"),
    [
        ("event", "?date_after=yesterday", "date_after"),
        ("event", "?date_before=2025-02-30", "date_before"),
        ("event", "?language=xx", "language"),
        ("event", "?outlet=no-such-outlet", "outlet"),
        ("event", "?q=%22", "q"),
        ("event", "?q=" + "word+" * 300, "q"),
        ("event", "?cursor=not-a-cursor", "cursor"),
        ("event", "?cursor=" + cursor(["2025-01-01", "a\x00b", 5]), "cursor"),
        ("event", "?cursor=" + cursor(["2025-01-01", "title", 10**30]), "cursor"),
        ("event", "?cursor=" + cursor(["2025-01-01", "title"]), "cursor"),
        ("event", "?cursor=" + cursor([None, "title", 5]), "cursor"),
        ("article", "?cursor=" + cursor(["yesterday", 5]), "cursor"),
        ("article", "?event=no-such-event", "event"),
        ("article", "?date_after=2025-13-01", "date_after"),
        ("name", "?kind=animal", "kind"),
    ],
)
def test_a_bad_value_is_a_400_naming_the_parameter(client, scene, name, query, field):
    response = client.get(reverse(f"api:{name}-list") + query)
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_drafts_and_events_of_drafts_never_appear(client, scene):
    draft = scene["articles"]["draft"]
    only_drafts = make_event("Only drafts", slug="only-drafts")
    hidden = make_article(language="en", event=only_drafts, status="draft", title="Hidden draft")
    make_article(language="id", translation_of=draft, title="Translation of a draft")
    every_article = results(client, "article") + results(client, "article", f"?q={draft.title}")
    assert {draft.pk, hidden.pk}.isdisjoint(article["id"] for article in every_article)
    assert "only-drafts" not in slugs(client)
    hanoi = client.get(reverse("api:event-detail", args=["hanoi"])).json()
    assert draft.pk not in [article["id"] for article in hanoi["articles"]]
    assert draft.pk not in [cell["article"] for row in hanoi["rows"] for cell in row["cells"]]
    for url in (
        reverse("api:article-detail", args=[draft.pk]),
        reverse("api:event-detail", args=["only-drafts"]),
        reverse("articles:event-export-json", args=["only-drafts"]),
    ):
        assert client.get(url).status_code == 404, url
    # Not even a draft original's id is published.
    translations = results(client, "article", "?q=translation+of+a+draft")
    assert [article["translation_of"] for article in translations] == [None]


def test_an_article_holds_its_paragraphs_images_source_and_captures(client, scene):
    article = scene["articles"]["hanoi-en"]
    article.body = "First paragraph.\n\nSecond paragraph."
    article.source_url = "https://vietnamnews.vn/politics/1"
    article.save()
    translation = make_article(language="id", event=article.event, translation_of=article)
    make_image(article, caption="The meeting", position=1)
    capture = make_capture(article, raw=b"<html>the page</html>")
    record = client.get(reverse("api:article-detail", args=[article.pk])).json()
    assert record["paragraphs"] == ["First paragraph.", "Second paragraph."]
    assert record["images"] == [
        {"url": "https://example.org/a.jpg", "caption": "The meeting", "position": 1}
    ]
    assert record["source_url"] == "https://vietnamnews.vn/politics/1"
    assert [c["sha256"] for c in record["captures"]] == [capture.sha256]
    assert record["body_sha256"] == article.body_sha256
    assert (record["language"], record["outlet"]["slug"], record["event"]) == (
        "en",
        "viet-nam-news",
        "hanoi",
    )
    assert record["published_on"] == "2025-02-19"
    assert record["page"] == "http://testserver" + article.get_absolute_url()
    translated = client.get(reverse("api:article-detail", args=[translation.pk])).json()
    assert translated["translation_of"] == article.pk


def test_an_event_holds_its_articles_and_the_event_pages_aligned_rows(client, refreshed):
    event = refreshed["events"]["hanoi"]
    record = client.get(reverse("api:event-detail", args=["hanoi"])).json()
    versions = list(Article.objects.event_versions(event))
    assert [a["id"] for a in record["articles"]] == [v.pk for v in versions]
    expected = [
        {
            "number": number,
            "cells": [
                {"article": v.pk, "language": v.language_id, "paragraphs": p}
                for v, p in zip(versions, groups, strict=True)
            ],
        }
        for number, groups in stored_rows(event, versions)
    ]
    assert record["rows"] == expected
    assert record["date"] == "2025-02-18"


def test_the_event_list_names_each_events_languages_and_articles(client, scene):
    (hanoi,) = results(client, "event", "?date_before=2025-02-18")
    assert hanoi["languages"] == ["id", "en"]
    assert {a["title"] for a in hanoi["articles"]} == {
        scene["articles"]["hanoi-id"].title,
        scene["articles"]["hanoi-en"].title,
    }
    assert hanoi["url"] == "http://testserver" + reverse("api:event-detail", args=["hanoi"])


def test_a_search_says_what_it_searched(client, scene):
    body = client.get(reverse("api:event-list") + "?q=quang+nihn").json()
    assert body["search"]["query"] == "quang nihn"
    assert body["search"]["corrected"] is True
    assert [event["slug"] for event in body["results"]] == ["quang-ninh"]
    assert client.get(reverse("api:event-list")).json()["search"] is None


def test_outlets_languages_and_the_name_register(client, scene):
    outlets = {o["slug"]: o for o in results(client, "outlet")}
    assert (outlets["viet-nam-news"]["article_count"], outlets["viet-nam-news"]["event_count"]) == (
        1,
        1,
    )
    outlet = client.get(reverse("api:outlet-detail", args=["nhan-dan"])).json()
    assert outlet["name"] == "Nhân Dân"
    languages = client.get(reverse("api:language-list")).json()
    assert [language["code"] for language in languages][:4] == ["id", "en", "sv", "vi"]
    assert client.get(reverse("api:language-detail", args=["sv"])).json()["native_name"]
    entry = NameEntry.objects.create(name="Chen Gang", kind="person", slug="chen-gang-test")
    NameVariant.objects.create(entry=entry, spelling="Trần Cương", language_id="vi")
    found = results(client, "name", "?spelling=tran+cuong")
    assert "chen-gang-test" in [e["slug"] for e in found]
    record = client.get(reverse("api:name-detail", args=["chen-gang-test"])).json()
    assert record["spellings"] == [{"spelling": "Trần Cương", "language": "vi"}]
    assert results(client, "name", "?kind=place&spelling=tran+cuong") == []


def test_the_api_is_read_only_even_for_editors(client, admin_client, scene):
    for c in (client, admin_client):
        for method in (c.post, c.put, c.patch, c.delete):
            assert method(reverse("api:event-list"), {}).status_code in {403, 405}
            assert method(reverse("api:event-detail", args=["hanoi"]), {}).status_code in {
                403,
                405,
            }
    assert Event.objects.filter(slug="hanoi").exists()


def test_anonymous_clients_are_throttled_with_retry_after(client, admin_client, scene, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    statuses = [client.get(reverse("api:language-list")).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get(reverse("api:event-list"))
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    # Signed-in editors are not anonymous.
    assert admin_client.get(reverse("api:event-list")).status_code == 200


def test_a_forged_forwarded_for_header_does_not_escape_the_throttle(client, scene, monkeypatch):
    """With no proxy declared (REVERSE_PROXY_COUNT=0, as for login throttling), the address
    is REMOTE_ADDR: X-Forwarded-For is the client's own writing."""
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    url = reverse("api:language-list")
    statuses = [
        client.get(url, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_the_export_is_the_apis_record_of_the_event_as_a_file(client, refreshed):
    url = reverse("articles:event-export-json", args=["hanoi"])
    assert url == "/events/hanoi/export.json"
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="hanoi.json"'
    assert response.json() == client.get(reverse("api:event-detail", args=["hanoi"])).json()
    assert "Phạm Minh Chính" in response.content.decode()  # UTF-8, not \u escapes


def test_cursors_walk_every_row_once_forwards_and_back(client, db, monkeypatch):
    """Undated articles last, ties by id: each row exactly once, in the list's order, and
    `previous` leads back the same way."""
    monkeypatch.setattr(ArticlePagination, "page_size", 3)
    event = make_event()
    for i in range(7):
        make_article(event=event, published_on=None if i % 3 == 0 else date(2025, 1, 1 + i % 2))
    expected = [a.pk for a in Article.objects.published().newest_first()]
    seen, url = [], reverse("api:article-list")
    while url:
        body = client.get(url).json()
        seen += [a["id"] for a in body["results"]]
        url = body["next"]
    assert seen == expected
    back = client.get(body["previous"]).json()
    assert [a["id"] for a in back["results"]] == expected[3:6]
    first = client.get(back["previous"]).json()
    assert [a["id"] for a in first["results"]] == expected[:3]
    assert first["previous"] is None


def test_a_search_pages_in_rank_order(client, scene, monkeypatch):
    """With `q` the cursor follows the search's order (best first), not only the date's."""
    expected = slugs(client, "?q=chen+gang")
    assert len(expected) >= 2
    monkeypatch.setattr(EventPagination, "page_size", 1)
    body = client.get(reverse("api:event-list") + "?q=chen+gang").json()
    seen = [event["slug"] for event in body["results"]]
    while body["next"]:
        body = client.get(body["next"]).json()
        seen += [event["slug"] for event in body["results"]]
    assert seen == expected


def populate_with_names(count: int) -> None:
    """The query-count scene of the pages, with a register entry per article and every
    event's alignment stored, as the write paths leave it."""
    populate(count)
    for article in Article.objects.all():
        name = f"name-{article.pk}"
        entry, new = NameEntry.objects.get_or_create(name=name, kind="person", slug=name)
        if new:
            NameVariant.objects.create(entry=entry, spelling=f"Spelling {name}")
    for event in Event.objects.all():
        refresh_event(event.pk)


def list_queries(client) -> dict[str, int]:
    counts = {}
    for name in ("event", "article", "outlet", "language", "name"):
        url = reverse(f"api:{name}-list") + ("?language=id&language=en" if name == "event" else "")
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts[name] = len(ctx.captured_queries)
    detail = reverse("api:event-detail", args=[Event.objects.public().first().slug])
    with CaptureQueriesContext(connection) as ctx:
        client.get(detail)
    counts["event detail"] = len(ctx.captured_queries)
    return counts


def test_query_counts_do_not_grow_with_the_list(client, db):
    """No N+1: one page of 1 row and of 20 rows (articles, images, captures, outlets,
    languages, spellings each prefetched once) cost the same queries."""
    populate_with_names(1)
    few = list_queries(client)
    populate_with_names(25)
    assert list_queries(client) == few
    assert few == {
        "event": 3,  # the languages asked for, the events, their articles
        "article": 3,  # the articles (with language, outlet, event), images, captures
        "outlet": 1,  # the outlets with their counts
        "language": 1,
        "name": 2,  # entries, spellings
        "event detail": 5,  # the event, its articles, images, captures, its stored alignment
    }


def test_the_api_root_links_every_endpoint(client, db):
    body = client.get("/api/").json()
    assert set(body) == {"events", "articles", "outlets", "languages", "names"}
    assert body["events"] == "http://testserver" + reverse("api:event-list")
