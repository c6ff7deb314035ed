"""While the database does not answer, pages are a clean, translated 503 that says when to
try again (not a traceback, not the 500 page), and once it answers again the same process
serves pages without a restart. The database is unreachable for real (tests/database_outage.py)."""

import logging

import pytest
from django.test import Client

from tests.database_outage import unreachable_database


def visitor(language: str = "en") -> Client:
    return Client(raise_request_exception=False, headers={"accept-language": language})


def test_a_page_is_a_translated_503_while_the_database_is_down(database_down, settings):
    settings.DEBUG = False
    response = visitor("sv").get("/events/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert '<html lang="sv">' in html and "Arkivet är tillfälligt otillgängligt" in html
    assert "Traceback" not in html and "OperationalError" not in html


def test_the_outage_is_logged_as_the_database_error(database_down, settings, caplog):
    settings.DEBUG = False
    visitor().get("/events/")
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.ERROR and record.status_code == 503
    assert type(record.exc_info[1]).__name__ == "OperationalError"


@pytest.mark.django_db(transaction=True)
def test_pages_are_served_again_when_the_database_answers(settings, tmp_path):
    """The same process, the same connection handler: Django connects afresh per request."""
    settings.DEBUG = False
    with unreachable_database(tmp_path):
        assert visitor().get("/events/").status_code == 503
    assert visitor().get("/events/").status_code == 200
    assert visitor().get("/healthz").status_code == 200


def test_a_path_under_the_api_that_no_route_matches_is_the_apis_json_404(client):
    """A slug with a dot matches none of the API's routes: the answer is still the API's."""
    response = client.get("/api/events/cnbc.com.6769/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


def test_any_other_unknown_path_is_the_sites_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
