"""DATABASE_URL becomes a PostgreSQL connection that gives up on an unreachable server within
seconds (the page is then a 503), unless the URL itself asks for another limit."""

from coverage_site.settings import database_from_url


def test_a_connection_attempt_gives_up_after_three_seconds():
    assert database_from_url("postgres://archive@db/archive")["OPTIONS"]["connect_timeout"] == 3


def test_the_url_may_set_its_own_limit():
    url = "postgres://archive@db/archive?connect_timeout=10"
    assert database_from_url(url)["OPTIONS"]["connect_timeout"] == 10
