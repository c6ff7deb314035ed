"""The sitemap (articles/sitemaps.py): an index of sections, every public event with its
language versions as hreflang alternates, every published article, paged by key ranges
without counting tables, and no drafts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.sitemaps import ArticleSitemap
from tests.factories import make_article, make_event
from tests.xml_parsing import parse_xml

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ORIGIN = "http://testserver"


def get_xml(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    return parse_xml(response.content)


def sections(client) -> list[str]:
    index = get_xml(client, reverse("articles:sitemap"))
    assert index.tag == f"{SM}sitemapindex"
    return [loc.text.removeprefix(ORIGIN) for loc in index.iter(f"{SM}loc")]


def urls(client, url: str) -> dict[str, dict[str, str]]:
    """Each <loc> (without the origin) and its hreflang alternates."""
    urlset = get_xml(client, url)
    assert urlset.tag == f"{SM}urlset"
    return {
        entry.findtext(f"{SM}loc").removeprefix(ORIGIN): {
            link.get("hreflang"): link.get("href").removeprefix(ORIGIN)
            for link in entry.iter(f"{XHTML}link")
        }
        for entry in urlset.iter(f"{SM}url")
    }


def test_the_index_lists_each_section(client, scene):
    assert sections(client) == [
        "/sitemap-events.xml", "/sitemap-articles.xml", "/sitemap-outlets.xml",
        "/sitemap-names.xml",
    ]  # fmt: skip


def test_every_public_event_with_its_language_versions(client, scene):
    drafts_only = make_event(slug="drafts-only")
    make_article(language="sv", event=drafts_only, status="draft")
    events = urls(client, "/sitemap-events.xml")
    assert set(events) == {"/events/hanoi/", "/events/quang-ninh/", "/events/guangxi/"}
    # The hanoi draft is Swedish: no Swedish version.
    assert events["/events/hanoi/"] == {
        "id": "/events/hanoi/?lang=id",
        "en": "/events/hanoi/?lang=en",
        "x-default": "/events/hanoi/",
    }


def test_every_published_article_and_no_draft(client, scene):
    articles = urls(client, "/sitemap-articles.xml")
    published = {a.get_absolute_url() for k, a in scene["articles"].items() if k != "draft"}
    assert set(articles) == published


def test_outlets_and_names_have_their_pages(client, scene):
    assert set(urls(client, "/sitemap-outlets.xml")) == {
        "/outlets/viet-nam-news/",
        "/outlets/nhan-dan/",
    }
    assert "/names/chen-gang/" in urls(client, "/sitemap-names.xml")


def test_past_the_limit_a_section_is_paged_by_key_ranges(client, scene, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    published = {a.pk: a.get_absolute_url() for k, a in scene["articles"].items() if k != "draft"}
    # Page N holds the keys 2N-1 and 2N: as many pages as the highest published key needs.
    pages = -(-max(published) // 2)
    listed = [url for url in sections(client) if url.startswith("/sitemap-articles.xml")]
    assert listed == ["/sitemap-articles.xml"] + [
        f"/sitemap-articles.xml?p={n}" for n in range(2, pages + 1)
    ]
    for n in {(pk + 1) // 2 for pk in published}:
        expected = {url for pk, url in published.items() if (pk + 1) // 2 == n}
        assert set(urls(client, f"/sitemap-articles.xml?p={n}")) == expected


@pytest.mark.parametrize("query", ["?p=0", "?p=99", "?p=abc", "?p=-1"])
def test_a_page_that_does_not_exist_is_a_404(client, scene, query):
    assert client.get("/sitemap-articles.xml" + query).status_code == 404


def test_an_unknown_section_is_a_404(client, scene):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_neither_the_index_nor_a_page_counts_a_table(client, scene):
    with CaptureQueriesContext(connection) as queries:
        sections(client)
        urls(client, "/sitemap-articles.xml")
        urls(client, "/sitemap-events.xml")
    archive = [
        q["sql"].upper() for q in queries.captured_queries if "ARTICLES_" in q["sql"].upper()
    ]
    assert archive and not [sql for sql in archive if "COUNT(" in sql]


def test_a_new_event_is_in_the_cached_sitemap_on_the_next_view(client, scene):
    assert "/events/later/" not in urls(client, "/sitemap-events.xml")
    make_article(language="vi", event=make_event(slug="later"))
    assert urls(client, "/sitemap-events.xml")["/events/later/"] == {
        "vi": "/events/later/?lang=vi",
        "x-default": "/events/later/",
    }


def test_the_event_page_names_its_language_versions_in_its_head(client, scene):
    html = client.get("/events/quang-ninh/").content.decode()
    head = html[: html.index("</head>")]
    for hreflang, query in [("id", "?lang=id"), ("sv", "?lang=sv"), ("x-default", "")]:
        expected = f'hreflang="{hreflang}" href="{ORIGIN}/events/quang-ninh/{query}"'
        assert f'<link rel="alternate" {expected}>' in head


def _tree(element) -> tuple:
    children = tuple(_tree(child) for child in element)
    return (element.tag, (element.text or "").strip(), sorted(element.attrib.items()), children)


@pytest.mark.parametrize("section", ["events", "articles", "outlets", "names"])
def test_the_pages_are_what_django_s_sitemap_template_renders(rf, scene, section):
    """urlset_xml writes the template's document itself (the engine took half of a
    50,000-URL page's time): the same elements, text and attributes, lastmod in the
    current time zone, locations escaped."""
    from django.contrib.sites.requests import RequestSite
    from django.template.loader import render_to_string

    from articles.sitemaps import SITEMAPS, urlset_xml

    make_article(
        language="en", event=make_event(slug="a-b"), source_url="https://example.org/?a=1&b=2"
    )
    request = rf.get("/")
    found = SITEMAPS[section]().get_urls(site=RequestSite(request), protocol="http")
    assert found
    rendered = render_to_string("sitemap.xml", {"urlset": found})
    assert _tree(parse_xml(urlset_xml(found).encode())) == _tree(parse_xml(rendered.encode()))


def test_locations_follow_each_request_s_script_prefix(rf, scene):
    """Each page builds its URLs from one reversed URL per section, made per request (each
    request gets new sitemap instances): a site served under a path prefix gets it, the next
    request without one does not."""
    from django.contrib.sites.requests import RequestSite
    from django.urls import set_script_prefix

    from articles.sitemaps import SITEMAPS

    site = RequestSite(rf.get("/"))

    def locations() -> set[str]:
        found = SITEMAPS["events"]().get_urls(site=site, protocol="http")
        return {url["location"].removeprefix(ORIGIN) for url in found}

    set_script_prefix("/archive/")
    try:
        assert "/archive/events/hanoi/" in locations()
    finally:
        set_script_prefix("/")
    assert "/events/hanoi/" in locations()
