"""Search on /events/ and /articles/ (and the header box), on whichever database runs the
suite: the same tests pass on SQLite and on PostgreSQL."""

from datetime import date

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, NameEntry, NameVariant
from tests.factories import make_article, make_event

EVENTS = reverse("articles:event-list")
ARTICLES = reverse("articles:article-list")


@pytest.fixture
def seeds(db):
    call_command("loaddata", settings.SEED_FIXTURE, verbosity=0)


def article_pks(response) -> set[int]:
    assert response.status_code == 200
    return {article.pk for article in response.context["articles"]}


def event_pks(response) -> set[int]:
    assert response.status_code == 200
    return {event.pk for event in response.context["events"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Article 3 writes Phạm Minh Chính and Quảng Ninh with their diacritics.
        ("pham minh chinh", {1, 3}),
        ("PHAM MINH CHINH", {1, 3}),
        ("quang ninh", {1, 2, 3, 4}),
        ("Quảng Ninh", {1, 2, 3, 4}),
        ("tang cuong hop tac", {5}),
    ],
)
def test_queries_without_diacritics_find_text_written_with_them(client, seeds, query, expected):
    assert article_pks(client.get(ARTICLES, {"q": query})) == expected


@pytest.mark.parametrize("spelling", ["Chen Gang", "chen gang", "Trần Cương", "Tran Cuong", "陈刚"])
def test_every_spelling_of_a_register_name_finds_every_other(client, seeds, spelling):
    """Article 3 says Chen Gang, 1, 2 and 4 Tran Cuong, 5 Trần Cương."""
    assert article_pks(client.get(ARTICLES, {"q": spelling})) == {1, 2, 3, 4, 5}
    assert event_pks(client.get(EVENTS, {"q": spelling})) == {1, 2, 3}


def test_a_name_is_one_clause_among_other_words(client, seeds):
    assert article_pks(client.get(ARTICLES, {"q": "Chen Gang perdana menteri"})) == {1}


def test_a_spelling_an_editor_adds_counts_at_once(client, db):
    event = make_event("Border talks", on=date(2025, 3, 1))
    make_article(event=event, title="Talks", body="Chen Kang visited the border gate.")
    assert article_pks(client.get(ARTICLES, {"q": "Chen Gang", "as_typed": "1"})) == set()
    NameVariant.objects.create(entry=NameEntry.objects.get(slug="chen-gang"), spelling="Chen Kang")
    assert len(article_pks(client.get(ARTICLES, {"q": "Chen Gang"}))) == 1


def test_a_misspelt_name_shows_results_for_the_correction(client, seeds):
    response = client.get(EVENTS, {"q": "Quang Nihn"})
    assert event_pks(response) == {1, 2}
    page = response.content.decode()
    assert "Showing results for “Quảng Ninh”" in page
    assert "q=Quang+Nihn&amp;as_typed=1" in page


def test_the_link_searches_for_exactly_what_was_typed(client, seeds):
    response = client.get(EVENTS, {"q": "Quang Nihn", "as_typed": "1"})
    assert event_pks(response) == set()
    assert "Showing results for" not in response.content.decode()


def test_a_misspelt_word_of_the_vocabulary_is_corrected(client, seeds):
    """Event titles give the vocabulary: "Ambasador" is one letter from "Ambassador"."""
    response = client.get(EVENTS, {"q": "Ambasador"})
    assert event_pks(response) == {3}
    assert response.context["filter"].search_outcome.corrected == "ambassador"


def test_a_quoted_phrase_needs_its_words_together_in_order(client, db):
    event = make_event("Gates", on=date(2025, 3, 1))
    together = make_article(event=event, body="The border gate opened on Monday.")
    apart = make_article(event=event, body="The gate at the border opened.")
    assert article_pks(client.get(ARTICLES, {"q": "border gate"})) == {together.pk, apart.pk}
    assert article_pks(client.get(ARTICLES, {"q": '"border gate"'})) == {together.pk}
    assert article_pks(client.get(ARTICLES, {"q": '"gate border"', "as_typed": "1"})) == set()


def test_results_are_ranked_a_title_match_first_then_by_mentions(client, db):
    """Dates run the other way, so the order is the ranking's, not the list's usual one."""
    event = make_event("Weather", on=date(2025, 3, 1))
    once = make_article(
        event=event, title="Rain", body="A typhoon came.", published_on=date(2025, 3, 3)
    )
    twice = make_article(
        event=event,
        title="Wind",
        body="A typhoon came. The typhoon left.",
        published_on=date(2025, 3, 2),
    )
    titled = make_article(
        event=event, title="Typhoon", body="It came.", published_on=date(2025, 3, 1)
    )
    response = client.get(ARTICLES, {"q": "typhoon"})
    assert [a.pk for a in response.context["articles"]] == [titled.pk, twice.pk, once.pk]


def test_an_event_is_found_through_its_articles_and_its_own_text(client, scene):
    events = scene["events"]
    assert event_pks(client.get(EVENTS, {"q": "vu dai thang"})) == {events["quangninh"].pk}
    assert event_pks(client.get(EVENTS, {"q": "kamrat"})) == {events["quangninh"].pk}


def test_drafts_are_never_found(client, scene):
    assert article_pks(client.get(ARTICLES, {"q": "utkast"})) == set()
    assert article_pks(client.get(ARTICLES, {"q": '"secret draft"'})) == set()
    assert event_pks(client.get(EVENTS, {"q": "utkast"})) == set()


def test_the_matching_passage_is_marked_in_each_result(client, seeds):
    page = client.get(ARTICLES, {"q": "quang ninh"}).content.decode()
    assert "<mark>Quảng Ninh</mark>" in page and "<mark>Quang Ninh</mark>" in page
    page = client.get(EVENTS, {"q": "tran cuong"}).content.decode()
    assert "<mark>Trần Cương</mark>" in page or "<mark>Tran Cuong</mark>" in page


def test_a_passage_is_escaped(client, db):
    event = make_event("Markup", on=date(2025, 3, 1))
    make_article(event=event, body='<script>alert("x")</script> typhoon <b>warning</b>')
    page = client.get(ARTICLES, {"q": "typhoon"}).content.decode()
    assert "&lt;script&gt;" in page and "<mark>typhoon</mark>" in page
    assert "<script>alert" not in page


@pytest.mark.parametrize("url", [EVENTS, ARTICLES])
@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("   ", "empty"),
        ("?!;", "no letters or digits"),
        ("x" * 5000, "5,000 characters"),
        ("quang\x00ninh", "NUL"),
    ],
)
def test_a_query_that_cannot_be_searched_gives_the_page_with_why_and_no_results(
    client, seeds, url, query, says
):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    assert says in response.content.decode()
    assert len(response.context["page_obj"].object_list) == 0


@pytest.mark.parametrize("url", [EVENTS, ARTICLES])
def test_sql_looking_text_is_searched_as_words_and_its_punctuation_reported(client, seeds, url):
    response = client.get(url, {"q": "'; DROP TABLE articles_article; --"})
    assert response.status_code == 200
    assert "These characters are not searched" in response.content.decode()
    assert Article.objects.count() == 5


def test_the_header_search_box_searches_events(client, seeds):
    page = client.get(reverse("articles:home")).content.decode()
    assert f'action="{EVENTS}"' in page and 'name="q"' in page
    assert event_pks(client.get(EVENTS, {"q": "Trần Cương"})) == {1, 2, 3}


def test_search_combines_with_the_other_filters(client, seeds):
    assert article_pks(client.get(ARTICLES, {"q": "tran cuong", "language": "sv"})) == {4}
    assert event_pks(client.get(EVENTS, {"q": "quang ninh", "date_after": "2025-02-19"})) == {2}


@pytest.mark.parametrize("url", [EVENTS, ARTICLES])
def test_a_search_page_costs_the_same_statements_however_far_back_its_matches_lie(
    client, db, settings, monkeypatch, url
):
    """On PostgreSQL the search looks in widening date windows; they are branches of one
    statement, so matches found only in the oldest window cost no extra statements (there
    was one per window tried: the count grew as an archive grew sparse in a word)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE = False
    monkeypatch.setattr("articles.search.lists.CAP", 2)
    event = make_event("Harbours", on=date(2025, 6, 1))
    make_article(event=event, title="Recent", body="Nothing.", published_on=date(2025, 6, 1))
    counts = []
    for n, published in enumerate([date(2025, 5, 30), date(2025, 5, 29), date(2010, 1, 1)]):
        make_article(event=event, title=f"Harbour {n}", published_on=published)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, {"q": "harbour"}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2]
