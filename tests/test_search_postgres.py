"""PostgreSQL only: the stored search vectors (migration 0013) follow every write path, each
language's configuration stems, and the vocabulary grows with events."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from articles.models import Article, Event, Language
from articles.text import compute_text
from tests.factories import make_article, make_event

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="search vectors exist on PostgreSQL only"
)


def vector(table: str, pk: int) -> str:
    with connection.cursor() as cursor:
        # `table` is one of the two names the tests pass, never input.
        cursor.execute(f"SELECT search_vector::text FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_save_bulk_create_and_update_all_fill_the_vector(db):
    saved = make_article(language="vi", title="Quảng Ninh", body="Đà Nẵng.")
    assert vector("articles_article", saved.pk) == "'da':3B 'nang':4B 'ninh':2A 'quang':1A"
    computed = compute_text("Hạ Long", "Bay.")
    bulk = Article(language_id="vi", title="Hạ Long", body="Bay.")
    bulk.use_computed_text(computed)
    (bulk,) = Article.objects.bulk_create([bulk])
    assert "'ha':1A" in vector("articles_article", bulk.pk)
    Article.objects.filter(pk=bulk.pk).update(body="Móng Cái.")
    assert "'mong':3B" in vector("articles_article", bulk.pk)


def test_each_language_stems_with_its_configuration_and_a_new_one_uses_simple(db):
    english = make_article(language="en", title="Meetings", body="The ministers met.")
    assert "'meet':1A" in vector("articles_article", english.pk)
    Language.objects.create(
        code="tlh", name="Klingon", native_name="tlhIngan", search_config="klingon"
    )
    other = make_article(language="tlh", title="Meetings", body="Ministers.")
    assert "'meetings':1A" in vector("articles_article", other.pk)


def test_stemmed_words_match_across_forms(client, db):
    article = make_article(language="en", title="Talks", body="The ministers were meeting.")
    response = client.get(reverse("articles:article-list"), {"q": "minister meets"})
    assert [a.pk for a in response.context["articles"]] == [article.pk]


def test_an_event_vector_and_the_vocabulary_follow_its_title_and_place(db):
    event = make_event("Typhoon Yagi", on=date(2025, 3, 1), place="Hải Phòng")
    assert vector("articles_event", event.pk).startswith("'hai':3B")
    Event.objects.filter(pk=event.pk).update(title="Storm Wipha")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM articles_search_word WHERE word IN ('yagi', 'wipha', 'phong')"
        )
        assert {row[0] for row in cursor.fetchall()} == {"yagi", "wipha", "phong"}


@pytest.mark.parametrize("cap", [1, 2, 3, 5, 7])
def test_date_windows_give_the_newest_matches_of_all(db, cap):
    """The matcher looks in the last 30, 90 and 240 days before the whole archive; what it
    returns is the newest `cap` matches whichever window held them (undated ones last)."""
    from datetime import timedelta

    from articles.search.postgres import Matcher
    from articles.search.register import Clause

    days = [0, 10, 60, 100, 1000, 5000, None, 20]
    for n, back in enumerate(days):
        published = None if back is None else date(2025, 6, 1) - timedelta(days=back)
        make_article(title=f"Harbour {n}", body="The harbour.", published_on=published)
    make_article(title="Elsewhere", body="Nothing here.", published_on=date(2025, 6, 1))
    articles = Article.objects.published()
    found = Matcher([Clause(("harbour",))], "default").articles(articles, cap)
    newest = sorted(
        articles.filter(title__startswith="Harbour"),
        key=lambda a: (a.published_on is not None, a.published_on or date.min, a.pk),
        reverse=True,
    )
    assert [pk for pk, _, _ in found] == [a.pk for a in newest[:cap]]


def test_a_window_s_newer_end_reaches_the_plan_as_a_filter_not_a_range(db):
    """Each window of the matching statement gives the search index (words and date,
    migration 0017) the window's start; its newer end must stay "`date >= end` is not true"
    in PostgreSQL's plan. Turned back into `date < end`, it would be an index condition that
    makes the GIN index gather nearly every row of the table (80 ms for one window at a
    million articles)."""
    from articles.search.postgres import WINDOWS, Matcher, _first_keys, _windows
    from articles.search.register import Clause

    matcher = Matcher([Clause(("harbour",))], "default")
    matching = Article.objects.published().filter(matcher.query.matches())
    windows = _windows(matching, date(2025, 6, 1), "published_on")
    keys = [window.newest_first().values("pk")[:5] for window in windows]
    sql, params = Article.objects.filter(_first_keys(keys, 5, "default")).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert plan.count("IS NOT TRUE") == len(windows) - 1 == len(WINDOWS)
    assert "published_on <" not in plan


def _matching_plan(search) -> str:
    """PostgreSQL's plan, as run, of the statement that picks and ranks the matches."""
    statements: list[tuple[str, list]] = []

    def keep(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        search()
    sql, params = next((sql, params) for sql, params in statements if "ts_rank" in sql)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_a_misspelt_query_that_matches_nothing_reads_no_date_window(db):
    """A typed word the vocabulary lacks ("hrbour"): one probe of the words alone finds
    nothing, so the windows, which read every date's index entries, never run."""
    from articles.search.postgres import Matcher
    from articles.search.register import Clause

    make_event("Harbour talks")
    on = date(2025, 2, 18)
    make_article(title="Harbour talks", body="The harbour opened.", published_on=on)
    misspelt = Matcher([Clause(("hrbour",))], "default")
    plan = _matching_plan(lambda: misspelt.articles(Article.objects.published(), 5))
    assert "Append (never executed)" in plan  # the windows, one branch each
    assert "u0 (actual rows=0" in plan  # the probe
    known = Matcher([Clause(("harbour",))], "default")
    plan = _matching_plan(lambda: known.articles(Article.objects.published(), 5))
    assert "Append (actual rows=1 loops=1)" in plan
    assert "u0 (never executed)" in plan  # the probe: the vocabulary holds the word


def test_a_word_the_vocabulary_lacks_is_still_found_where_it_stands(client, db):
    """The vocabulary is event titles and places; a word only an article's body holds is
    found all the same, beside one the vocabulary has."""
    event = make_event("Harbour talks")
    article = make_article(title="Harbour talks", body="Dredgers widened the quay.", event=event)
    for query in ["dredgers", "harbour dredgers", '"widened the quay"']:
        html = client.get(reverse("articles:article-list"), {"q": query}).content.decode()
        assert article.get_absolute_url() in html, query
        html = client.get(reverse("articles:event-list"), {"q": query}).content.decode()
        assert event.get_absolute_url() in html, query
