"""Atom feeds of new events and of new articles per language and per outlet
(articles/feeds.py): well-formed, the right entries, real dates only, no drafts, linked from
the pages they follow."""

from datetime import date

import pytest
from django.urls import reverse

from articles.models import Event
from tests.factories import make_article, make_event
from tests.xml_parsing import parse_xml

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url: str) -> dict[str, dict[str, str | None]]:
    """Each entry's link, with its title, published and updated dates."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = parse_xml(response.content)
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}updated") is not None
    found = {}
    for entry in feed.iter(f"{ATOM}entry"):
        link = entry.find(f"{ATOM}link").get("href").removeprefix("http://testserver")
        found[link] = {
            "title": entry.findtext(f"{ATOM}title"),
            "published": entry.findtext(f"{ATOM}published"),
            "updated": entry.findtext(f"{ATOM}updated"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "id": entry.findtext(f"{ATOM}id"),
        }
    return found


def test_the_events_feed_holds_the_public_events_newest_first(client, scene):
    drafts_only = make_event(slug="drafts-only", on=date(2026, 1, 1))
    make_article(language="sv", event=drafts_only, status="draft")
    found = entries(client, reverse("articles:events-feed"))
    assert list(found) == ["/events/guangxi/", "/events/quang-ninh/", "/events/hanoi/"]
    hanoi = found["/events/hanoi/"]
    assert hanoi["title"] == "Prime Minister receives Chen Gang"
    assert hanoi["published"] is None and hanoi["updated"]
    assert "English (Viet Nam News)" in hanoi["summary"] and "Svenska" not in hanoi["summary"]


def test_a_language_feed_holds_its_published_articles_only(client, scene):
    found = entries(client, reverse("articles:language-feed", args=["sv"]))
    assert list(found) == [scene["articles"]["qn-sv"].get_absolute_url()]


def test_an_outlet_feed_holds_its_published_articles_with_their_real_dates(client, scene):
    found = entries(client, reverse("articles:outlet-feed", args=["viet-nam-news"]))
    english = scene["articles"]["hanoi-en"]
    assert list(found) == [english.get_absolute_url()]  # not the outlet's draft
    assert found[english.get_absolute_url()]["published"] == "2025-02-19T00:00:00+00:00"


def test_an_undated_article_has_no_invented_date_and_comes_after_the_dated(client, scene):
    dated = make_article(
        language="id", event=scene["events"]["hanoi"], published_on=date(2020, 1, 1)
    )
    found = entries(client, reverse("articles:language-feed", args=["id"]))
    assert next(iter(found)) == dated.get_absolute_url()
    undated = found[scene["articles"]["hanoi-id"].get_absolute_url()]
    assert undated["published"] is None and undated["updated"]
    assert "publication date unknown" in undated["summary"]


def test_a_derived_title_is_marked_as_the_pages_mark_it(client, scene):
    article = scene["articles"]["qn-sv"]
    article.title_derived = True
    article.save()
    (entry,) = entries(client, reverse("articles:language-feed", args=["sv"])).values()
    assert "derived title" in entry["summary"]


def test_text_is_escaped_and_characters_xml_cannot_hold_are_left_out(client, db):
    event = make_event("Bold \x01claim", slug="markup", summary="<b>Bold</b>\x01")
    make_article(language="en", event=event, title="<script>x</script>\x01")
    (article,) = entries(client, reverse("articles:language-feed", args=["en"])).values()
    assert article["title"] == "<script>x</script>"
    listed = entries(client, reverse("articles:events-feed"))["/events/markup/"]
    assert listed["title"] == "Bold claim"
    # The summary is HTML: the event's own markup is text in it, not markup.
    assert "<p>&lt;b&gt;Bold&lt;/b&gt;</p>" in listed["summary"]


@pytest.mark.parametrize(
    "url", ["/feeds/languages/xx/", "/feeds/outlets/no-such-outlet/", "/feeds/languages/%3Cb%3E/"]
)
def test_an_unknown_language_or_outlet_is_a_404(client, scene, url):
    assert client.get(url).status_code == 404


def test_a_new_article_shows_in_the_cached_feed_on_the_next_view(client, scene):
    url = reverse("articles:language-feed", args=["vi"])
    assert len(entries(client, url)) == 1
    added = make_article(language="vi", event=scene["events"]["guangxi"], title="Bài mới")
    assert added.get_absolute_url() in entries(client, url)


def test_an_entrys_id_stays_when_an_editor_corrects_its_publication_date(client, scene):
    """Atom ids are permanent: dated by when the archive made the row, not by `published`."""
    article = make_article(language="vi", event=scene["events"]["guangxi"], title="Bài mới")
    url, link = reverse("articles:language-feed", args=["vi"]), article.get_absolute_url()
    before = entries(client, url)[link]
    article.published_on = date(2020, 1, 2)
    article.save()
    after = entries(client, url)[link]
    assert after["published"] != before["published"]
    assert after["id"] == before["id"]
    # Django's tag URI: host, the day the row was made, path, then "/" and the fragment.
    assert before["id"] == f"tag:testserver,{article.created_at:%Y-%m-%d}:{link}/"


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        ("/", ["/feeds/events/"]),
        ("/events/", ["/feeds/events/"]),
        ("/events/?language=id&language=sv", ["/feeds/events/", "/feeds/languages/id/",
                                              "/feeds/languages/sv/"]),
        ("/events/?language=xx", ["/feeds/events/"]),
        ("/articles/?language=vi&outlet=nhan-dan", ["/feeds/languages/vi/",
                                                   "/feeds/outlets/nhan-dan/"]),
        ("/articles/", []),
        ("/outlets/viet-nam-news/", ["/feeds/outlets/viet-nam-news/"]),
    ],
)  # fmt: skip
def test_pages_link_the_feeds_that_follow_them(client, scene, page, feeds):
    html = client.get(page).content.decode()
    head = html[: html.index("</head>")]
    linked = [
        part.split('href="')[1].split('"')[0]
        for part in head.split("<link ")
        if 'type="application/atom+xml"' in part
    ]
    assert linked == feeds


def test_drafts_never_reach_any_feed(client, scene):
    for url in ["/feeds/events/", "/feeds/languages/sv/", "/feeds/outlets/viet-nam-news/"]:
        assert b"Secret draft" not in client.get(url).content
    assert Event.objects.public().count() == 3


def test_feed_titles_speak_the_interface_language(client, scene):
    html = client.get("/", headers={"accept-language": "sv"}).content.decode()
    assert 'title="Nya händelser" href="/feeds/events/"' in html
    feed = client.get("/feeds/languages/id/", headers={"accept-language": "vi"})
    assert "<title>Bài viết mới bằng tiếng Indonesia · Kho Lưu trữ Tin bài</title>" in (
        feed.content.decode()
    )
