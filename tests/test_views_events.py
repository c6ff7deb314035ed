"""The home page, the event list with its filters, and the side-by-side reader."""

import pytest
from django.urls import reverse

EVENTS = reverse("articles:event-list")


def event_slugs(response) -> list[str]:
    return [event.slug for event in response.context["events"]]


# The list's filters and what they keep from the scene; the API's list means the same
# (tests/test_api_views.py).
EVENT_FILTER_CASES = [
    ("", ["guangxi", "quang-ninh", "hanoi"]),
    ("?language=sv", ["quang-ninh"]),
    ("?language=id", ["quang-ninh", "hanoi"]),
    ("?language=id&language=en", ["hanoi"]),
    ("?language=id&language=vi", []),
    ("?date_after=2025-05-01", ["guangxi"]),
    ("?date_before=2025-02-18", ["hanoi"]),
    ("?date_after=2025-02-18&date_before=2025-02-20", ["quang-ninh", "hanoi"]),
    ("?outlet=nhan-dan", ["guangxi"]),
    ("?outlet=viet-nam-news&language=id", ["hanoi"]),
    ("?q=quang+ninh", ["quang-ninh"]),
    ("?q=Quảng+Tây", ["guangxi"]),
    ("?q=pham+minh+chinh", ["hanoi"]),
    ("?q=PHẠM&language=vi", ["guangxi"]),
    ("?q=nowhere-to-be-found", []),
]


@pytest.mark.parametrize(("query", "expected"), EVENT_FILTER_CASES)
def test_event_filters_alone_and_combined(client, scene, query, expected):
    """`language` means covered in every listed language; dates are inclusive on the event date;
    text search ignores case and diacritics."""
    response = client.get(EVENTS + query)
    assert response.status_code == 200
    assert event_slugs(response) == expected


def test_a_draft_alone_does_not_count_as_coverage(client, scene):
    """The Hà Nội event has only a *draft* in Swedish: it is not a Swedish-covered event."""
    response = client.get(EVENTS + "?language=sv&language=en")
    assert event_slugs(response) == []
    assert "Secret draft" not in response.content.decode()


def test_text_search_does_not_see_drafts(client, scene):
    assert event_slugs(client.get(EVENTS + "?q=utkast")) == []


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("?date_after=yesterday", "date_after=yesterday"),
        ("?date_before=2025-13-45", "date_before=2025-13-45"),
        ("?language=xx", "language=xx"),
        ("?outlet=no-such-outlet", "outlet=no-such-outlet"),
    ],
)
def test_a_bad_value_gives_the_page_with_a_message_naming_it(client, scene, query, named):
    response = client.get(EVENTS + query)
    assert response.status_code == 200
    assert any(named in problem for problem in response.context["problems"])
    assert named in response.content.decode()
    # The bad filter is ignored, not applied as "nothing matches".
    assert len(event_slugs(response)) == 3


def test_a_bad_value_keeps_the_valid_filters(client, scene):
    response = client.get(EVENTS + "?date_after=yesterday&language=sv")
    assert event_slugs(response) == ["quang-ninh"]


@pytest.mark.parametrize("page", ["999999", "0", "abc"])
def test_a_page_past_the_end_is_a_404(client, scene, page):
    assert client.get(EVENTS + f"?page={page}").status_code == 404


def test_language_options_show_how_many_results_each_would_leave(client, scene):
    response = client.get(EVENTS + "?language=id")
    counts = {option.value: option.count for option in response.context["language_options"]}
    assert counts == {"id": 2, "en": 1, "sv": 1, "vi": 0}
    selected = [option.value for option in response.context["language_options"] if option.selected]
    assert selected == ["id"]


def test_outlet_options_count_events_regardless_of_the_chosen_outlet(client, scene):
    response = client.get(EVENTS + "?outlet=nhan-dan")
    counts = {option.value: option.count for option in response.context["outlet_options"]}
    assert counts == {"viet-nam-news": 1, "nhan-dan": 1}


def test_event_list_is_paginated(client, scene, settings):
    from tests.factories import make_article, make_event

    for _ in range(25):
        make_article(language="en", event=make_event())
    first = client.get(EVENTS)
    assert len(first.context["events"]) == 20
    assert first.context["paginator"].count == 28
    assert len(client.get(EVENTS + "?page=2").context["events"]) == 8


def test_home_lists_latest_events_with_their_languages(client, scene):
    response = client.get(reverse("articles:home"))
    assert response.status_code == 200
    events = list(response.context["events"])
    assert [event.slug for event in events] == ["guangxi", "quang-ninh", "hanoi"]
    hanoi = events[2]
    assert [article.language_id for article in hanoi.coverage] == ["id", "en"]
    assert "Secret draft" not in response.content.decode()


class TestReader:
    def url(self, slug: str, query: str = "") -> str:
        return reverse("articles:event-detail", kwargs={"slug": slug}) + query

    def test_one_column_per_version_marked_with_its_language(self, client, scene):
        response = client.get(self.url("hanoi"))
        html = response.content.decode()
        assert [a.language_id for a in response.context["side_by_side"].columns] == ["id", "en"]
        # Every column head and cell carries its language (the reader is a grid of rows).
        assert html.count('lang="id" data-lang="id"') == html.count('lang="en" data-lang="en"')
        assert '<header class="cell col-head is-active" lang="id" data-lang="id">' in html
        assert "Viet Nam News" in html and "19 February 2025" in html
        assert "publication date unknown" in html  # the Indonesian capture holds no date

    def test_lang_picks_and_orders_the_columns(self, client, scene):
        response = client.get(self.url("hanoi", "?lang=en&lang=id"))
        assert [a.language_id for a in response.context["side_by_side"].columns] == ["en", "id"]
        response = client.get(self.url("hanoi", "?lang=en"))
        assert [a.language_id for a in response.context["side_by_side"].columns] == ["en"]

    def test_an_unavailable_lang_is_reported_and_left_out(self, client, scene):
        response = client.get(self.url("hanoi", "?lang=vi&lang=en"))
        assert response.status_code == 200
        assert [a.language_id for a in response.context["side_by_side"].columns] == ["en"]
        assert "“vi”" in response.content.decode()

    def test_only_unavailable_langs_fall_back_to_every_version(self, client, scene):
        response = client.get(self.url("hanoi", "?lang=xx"))
        assert [a.language_id for a in response.context["side_by_side"].columns] == ["id", "en"]

    def test_drafts_never_appear_in_the_reader(self, client, scene):
        html = client.get(self.url("hanoi")).content.decode()
        assert "Secret draft" not in html and "Utkast" not in html

    def test_an_event_with_only_drafts_is_not_public(self, client, scene):
        from tests.factories import make_article, make_event

        hidden = make_event(slug="hidden")
        make_article(event=hidden, status="draft")
        assert client.get(self.url("hidden")).status_code == 404

    def test_unknown_event_is_a_404(self, client, scene):
        assert client.get(self.url("no-such-event")).status_code == 404

    def test_article_text_is_escaped(self, client, db):
        from tests.factories import make_article, make_event

        event = make_event(slug="xss")
        make_article(event=event, title="<script>t()</script>", body="<img src=x onerror=alert(1)>")
        html = client.get(self.url("xss")).content.decode()
        assert "<script>t()" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html


class TestReaderRowsPanelAndStrip:
    """What the reader page renders around the columns, all of it without script."""

    def page(self, client, query: str = "") -> str:
        url = reverse("articles:event-detail", kwargs={"slug": "hanoi"}) + query
        return client.get(url).content.decode()

    def test_each_row_has_a_visible_permalink_and_language_marked_focusable_cells(
        self, client, scene
    ):
        html = self.page(client)
        assert '<section class="reader-row" id="row-1" data-row="1"' in html
        assert '<a class="row-anchor" href="#row-1"' in html
        assert '<p tabindex="0" data-row="1" data-paragraph="0">Prime Minister' in html

    def test_a_fact_link_marks_where_it_stands_and_names_its_row(self, client, db):
        from tests.factories import make_article, make_event

        event = make_event(slug="expo")
        make_article(language="en", event=event, body="Intro.\n\nThe Expo runs 17-21 September.")
        make_article(language="id", event=event, body="Pembuka.\n\nExpo berlangsung.")
        url = reverse("articles:event-detail", kwargs={"slug": "expo"})
        html = client.get(url).content.decode()
        assert '<tr class="is-partial">' in html
        assert 'href="?lang=id&amp;lang=en&amp;fact=date%3A09-17..09-21#row-2"' in html
        assert "<mark>" not in html
        html = client.get(url + "?lang=id&lang=en&fact=date:09-17..09-21").content.decode()
        assert "The Expo runs <mark>17-21 September" in html

    def test_the_strip_shows_an_unknown_date_as_unknown(self, client, scene):
        html = self.page(client)
        strip = html.split('class="coverage-strip"')[1].split("</section>")[0]
        assert '<time datetime="2025-02-19">' in strip and "Viet Nam News" in strip
        undated = strip.split('class="strip-day strip-undated"')[1]
        assert "date unknown" in undated and "Bahasa Indonesia" in undated
        assert '<time datetime="2025-02-18">' in strip  # the event's day, marked as such
        assert "the event" in strip

    def test_the_picker_and_phone_tabs_are_plain_links(self, client, scene):
        html = self.page(client)
        assert 'href="?lang=en&amp;lang=id#reader"' in html  # move Indonesian right
        assert 'href="?lang=id#reader"' in html  # hide English
        assert '<a href="?lang=en&amp;lang=id#reader" data-lang="en" lang="en">' in html  # tab


def test_an_unknown_fact_marks_nothing_and_is_not_an_error(client, scene):
    url = reverse("articles:event-detail", kwargs={"slug": "hanoi"}) + "?fact=<b>nope"
    response = client.get(url)
    assert response.status_code == 200
    assert "<mark>" not in response.content.decode() and "<b>nope" not in response.content.decode()


def test_the_panel_says_how_many_facts_only_some_versions_carry(client, db):
    from tests.factories import make_article, make_event

    event = make_event(slug="expo")
    make_article(language="en", event=event, body="The 22nd Expo runs 17-21 September.")
    make_article(language="id", event=event, body="Expo ke-22 berlangsung.")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "1 of 2 facts is carried by only some of the versions shown." in html
    html = client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "1 av 2 uppgifter finns bara i några av de visade versionerna." in html


def test_with_one_column_the_panel_says_there_is_nothing_to_compare_yet(client, scene):
    url = reverse("articles:event-detail", kwargs={"slug": "hanoi"}) + "?lang=en"
    html = client.get(url).content.decode()
    assert "One version is shown: these are the facts it states." in html


def test_past_the_facet_limit_the_options_show_no_numbers(client, scene, monkeypatch):
    """Counting options over a list longer than FACET_LIMIT would cost seconds at archive
    scale: the page then lists the options without numbers instead of computing them."""
    from articles import facets

    monkeypatch.setattr(facets, "FACET_LIMIT", 2)
    response = client.get(EVENTS)
    assert {option.count for option in response.context["language_options"]} == {None}
    assert {option.count for option in response.context["outlet_options"]} == {None}
    assert 'class="count"' not in response.content.decode()
    narrowed = client.get(EVENTS + "?language=sv")
    counts = {option.value: option.count for option in narrowed.context["language_options"]}
    assert counts == {"id": 1, "en": 0, "sv": 1, "vi": 0}


def test_a_list_estimated_far_past_the_facet_limit_is_not_walked(
    client, scene, monkeypatch, settings
):
    """Finding out that a list is longer than FACET_LIMIT walks that many of its rows (tens of
    milliseconds for events in two languages at 1,000,000 articles): where PostgreSQL's
    estimate is far past the limit, the options show no numbers and no row is read for them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles import facets

    settings.PAGE_CACHE = False  # the same address is read twice
    far = facets.FACET_LIMIT * facets.ESTIMATE_MARGIN + 1
    monkeypatch.setattr(facets, "planner_rows", lambda rows: far)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(EVENTS + "?language=id")
    assert {option.count for option in response.context["language_options"]} == {None}
    assert response.context["outlet_options"][0].count is None
    limit = f"LIMIT {facets.FACET_LIMIT + 1}"
    assert not [query for query in queries.captured_queries if limit in query["sql"]]
    monkeypatch.setattr(facets, "planner_rows", lambda rows: far - 1)
    near = client.get(EVENTS + "?language=id")
    counts = {option.value: option.count for option in near.context["language_options"]}
    assert counts == {"id": 2, "en": 1, "sv": 1, "vi": 0}


def test_with_many_outlets_the_form_asks_for_a_slug(client, scene, monkeypatch):
    """A menu of thousands of outlets is unreadable and most of a page's rendering time."""
    from articles.views import filtering

    monkeypatch.setattr(filtering, "OUTLET_MENU_LIMIT", 1)
    response = client.get(EVENTS + "?outlet=nhan-dan")
    html = response.content.decode()
    assert response.context["outlet_options"] is None
    assert '<select name="outlet">' not in html
    assert 'name="outlet" value="nhan-dan"' in html
    assert event_slugs(response) == ["guangxi"]


def test_a_search_s_facets_count_over_the_keys_its_first_page_walked(client, scene, settings):
    """A search's results (at most search.lists.CAP) are all on the first page's walk of
    its look-ahead: the facets count over those keys, exactly, without reading them again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles import facets

    settings.PAGE_CACHE = False
    with CaptureQueriesContext(connection) as queries:
        response = client.get(EVENTS + "?q=pham+minh+chinh")
    counts = {option.value: option.count for option in response.context["language_options"]}
    assert counts == {"id": 1, "en": 1, "sv": 0, "vi": 0}
    limit = f"LIMIT {facets.FACET_LIMIT + 1}"
    assert not [query for query in queries.captured_queries if limit in query["sql"]]


def test_a_search_s_first_page_counts_all_its_results_however_short_its_pages(
    client, scene, settings, monkeypatch
):
    """Its look-ahead reaches as far as its results can go (an event search: its own
    matches and its articles', search.lists.CAP each): an exact count, and facets from it."""
    from articles import facets
    from articles.views.events import EventListView

    settings.PAGE_CACHE = False
    monkeypatch.setattr(EventListView, "paginate_by", 1)
    monkeypatch.setattr(EventListView, "lookahead_pages", 0)
    monkeypatch.setattr(facets, "FACET_LIMIT", 1)  # no walk for the facets either
    assert client.get(EVENTS).context["paginator"].capped  # one page, no look-ahead
    searched = client.get(EVENTS + "?q=chen")  # Chen Gang, in two events
    paginator = searched.context["paginator"]
    assert not paginator.capped and paginator.count == len(paginator.every_key) > 1


def test_a_short_list_s_facets_count_over_the_keys_its_first_page_walked(client, scene, settings):
    """A list PostgreSQL does not expect past FACET_LIMIT is walked on its first page up to
    one row past the limit: the page shows its exact length, and its facets count over those
    keys without reading them again (one statement fewer than a walk and a read)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE = False
    with CaptureQueriesContext(connection) as queries:
        response = client.get(EVENTS + "?language=sv")
    counts = {option.value: option.count for option in response.context["language_options"]}
    assert counts == {"id": 1, "en": 0, "sv": 1, "vi": 0}
    page = response.context["page_obj"]
    assert not page.paginator.capped
    walks = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith('SELECT "articles_event"."id" AS "pk"')
        and "LIMIT" in query["sql"]
    ]
    assert len(walks) == 1, walks  # the paginator's; the facets read no keys of their own
