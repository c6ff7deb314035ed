"""Each page runs the same number of SQL queries with 3 events as with 300: no N+1 anywhere.

The numbers are pinned so that a new per-row query (an N+1) or a lost prefetch shows up here.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Outlet
from articles.names.linking import link_article_names
from tests.factories import make_article, make_capture, make_event, make_image, make_outlet

LANGS = ["id", "en", "sv", "vi"]


@pytest.fixture(autouse=True)
def _rendered(settings):
    """What is pinned is rendering; tests/test_page_cache.py pins the cached views."""
    settings.PAGE_CACHE = False


def populate(count: int) -> None:
    outlets = [make_outlet() for _ in range(3)]
    for i in range(count):
        event = make_event(on=date(2025, 1, 1) + timedelta(days=i))
        for j, code in enumerate(LANGS[: 2 + i % 3]):
            article = make_article(
                language=code,
                event=event,
                outlet=outlets[(i + j) % 3],
                published_on=event.date,
                source_url=f"https://news.example/{event.slug}/{code}",
            )
            make_image(article, caption=f"Image {i}")
            make_capture(article, raw=f"capture {event.slug} {code}".encode())


def queries_for(client, url: str) -> int:
    # Warm up first: the steady state is what is pinned. The reader reads a stored comparison
    # (write paths store it) and a name matcher cached per process; a cold first view
    # computes them once.
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def first_event_url() -> str:
    from articles.models import Event

    return Event.objects.public().first().get_absolute_url()


def first_article_url() -> str:
    from articles.models import Article

    return Article.objects.published().first().get_absolute_url()


def first_outlet_url() -> str:

    return Outlet.objects.first().get_absolute_url()


# On PostgreSQL one EXPLAIN per list the facets count over (articles.facets asks the planner
# first): one when every facet counts over the results, two when a filtered facet needs the
# results without its own filter.
ESTIMATES = 1 if connection.vendor == "postgresql" else 0

PAGES = {
    # page: (url builder, pinned query count)
    # On PostgreSQL the home page asks the planner for each total's estimate before counting
    # (articles.estimates): two more queries, the same at any size.
    "home": (lambda: reverse("articles:home"), 7 if connection.vendor == "postgresql" else 5),
    # The lists' facets: per facet one grouped count over the keys of at most FACET_LIMIT rows
    # (articles.facets). The first page's walk reads the results' keys, up to one past the
    # limit (FilteredListView.first_page_walk); a facet that counts without one of the
    # filters reads its own. On PostgreSQL first the planner's estimate of each list, which
    # skips the keys and the counts past the limit (fewer queries at scale, never more).
    "event list": (lambda: reverse("articles:event-list"), 7 + ESTIMATES),
    "event list filtered": (
        lambda: (
            reverse("articles:event-list")
            + "?language=id&language=en&q=article&outlet="
            + Outlet.objects.first().slug
        ),
        # 11 + search, run for the list and again for the outlet counts: each time the
        # register's spellings of the query's words, the events matching, the articles
        # matching (+ on PostgreSQL one that builds the tsquery under each language's
        # text-search configuration, and for the events and the articles each the newest
        # date: the date windows are branches of the matching statement,
        # articles.search.postgres.WINDOWS); + 1 for the page's matching passages. The
        # results' own facets read no ids: a search's are all on the first page's walk.
        18 + (6 if connection.vendor == "postgresql" else 0) + ESTIMATES,
    ),
    # 3 (event, versions, images) + 2 for the stored comparison: the versions' name links,
    # part of its key (articles.comparison.caching.fingerprint), and the read from the
    # database cache it is kept in + 1 for the stored alignment's rows, checked against the
    # versions the view already holds (articles.alignment.event_alignments.stored_rows).
    # Register names add none: their entries' slugs are stored with the comparison (see the
    # test below).
    "event reader": (first_event_url, 6),
    "article list": (lambda: reverse("articles:article-list"), 6 + ESTIMATES),
    "article list filtered": (
        lambda: reverse("articles:article-list") + "?language=sv&date_after=2025-01-02",
        8 + 2 * ESTIMATES,
    ),
    "article page": (first_article_url, 3),
    "outlet list": (lambda: reverse("articles:outlet-list"), 2),
    "outlet page": (first_outlet_url, 4),
}


@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_the_archive(client, db, page):
    url_of, pinned = PAGES[page]
    populate(3)
    small = queries_for(client, url_of())
    populate(297)
    large = queries_for(client, url_of())
    assert large == small == pinned, f"{page}: {small} queries with 3 events, {large} with 300"


def test_register_names_cost_the_reader_no_query(client, db):
    """The names' entry pages come with the stored comparison (each name fact keeps its entry's
    slug), so versions that mention register names read no more than versions that do not."""
    event = make_event()
    for code, body in [("en", "Chen Gang met Phạm Minh Chính."), ("vi", "Trần Cương hội kiến.")]:
        link_article_names(make_article(language=code, event=event, body=body))
    url = event.get_absolute_url()
    assert queries_for(client, url) == PAGES["event reader"][1]
    assert 'href="/names/chen-gang/"' in client.get(url).content.decode()
