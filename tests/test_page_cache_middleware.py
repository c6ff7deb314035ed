"""Stored pages answered by PageCacheMiddleware before the rest of the middleware: exactly
what the rendered page answers, and only where the page cache may answer at all."""

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from articles.models import Article, Event
from tests.test_page_cache import PAGES, page, reader_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def locmem_cache(settings):
    """A cache that costs no SQL, as Redis in production; PAGE_CACHE as deployed."""
    settings.PAGE_CACHE = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()


def answered_early(response) -> bool:
    """AuthenticationMiddleware, below PageCacheMiddleware, gives every request it sees a
    user: a request without one was answered before it ran."""
    return not hasattr(response.wsgi_request, "user")


@pytest.mark.parametrize("name", PAGES)
def test_a_stored_page_answers_as_the_rendered_page_did(refreshed, name):
    url = PAGES[name](refreshed)
    rendered = Client().get(url)
    stored = Client().get(url)
    assert not answered_early(rendered) and answered_early(stored)
    assert stored.content == rendered.content
    assert stored.headers == rendered.headers
    assert {"Content-Security-Policy", "X-Frame-Options", "Content-Language"} <= set(stored.headers)
    assert not stored.cookies and not rendered.cookies


def test_a_stored_page_answers_a_304_as_the_view_does(refreshed):
    url = reader_url(refreshed["events"]["hanoi"])
    client = Client()
    etag = client.get(url).headers["ETag"]
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 304 and answered_early(response)
    assert response.headers["ETag"] == etag and "Content-Security-Policy" in response.headers


def test_an_edit_shows_on_the_next_view_of_a_stored_page(client, refreshed):
    url = reader_url(refreshed["events"]["hanoi"])
    page(client, url), page(client, url)
    event = Event.objects.get(slug="hanoi")
    event.title = "Retitled between two views"
    event.save()  # as the admin does
    assert "Retitled between two views" in page(client, url)


def test_a_reader_with_a_csrf_cookie_is_answered_early_and_given_nothing_new(refreshed):
    """A cookie left from signing in to the admin changes nothing a stored page holds."""
    url = reader_url(refreshed["events"]["hanoi"])
    first = Client().get(url)
    client = Client()
    client.cookies["csrftoken"] = "x" * 32
    response = client.get(url)
    assert answered_early(response) and response.content == first.content
    assert not response.cookies


@pytest.mark.parametrize("cookie", ["sessionid", CookieStorage.cookie_name])
def test_a_session_or_pending_message_goes_through_the_whole_stack(refreshed, cookie):
    url = reader_url(refreshed["events"]["hanoi"])
    Client().get(url)
    client = Client()
    client.cookies[cookie] = "anything"
    assert not answered_early(client.get(url))


def test_a_post_is_never_answered_from_the_cache(refreshed):
    """It meets the CSRF check of the whole stack, as before."""
    url = reader_url(refreshed["events"]["hanoi"])
    Client().get(url)
    response = Client(enforce_csrf_checks=True).post(url)
    assert response.status_code == 403 and not answered_early(response)


@pytest.mark.parametrize("url", ["/no-such-page/", "/events/no-such-event/", "/events"])
def test_unknown_urls_and_missing_events_go_through_the_whole_stack(refreshed, url):
    response = Client().get(url)
    assert response.status_code in {301, 404} and not answered_early(response)


def test_an_event_whose_articles_became_drafts_is_never_answered_early(refreshed):
    url = reader_url(refreshed["events"]["hanoi"])
    Client().get(url)
    Article.objects.filter(event__slug="hanoi").update(status="draft")
    response = Client().get(url)
    assert response.status_code == 404 and not answered_early(response)


def test_the_language_cookie_and_header_each_key_the_stored_page(refreshed):
    url = reader_url(refreshed["events"]["hanoi"])
    Client().get(url), Client().get(url, headers={"accept-language": "sv"})
    by_cookie = Client()
    by_cookie.cookies["django_language"] = "sv"
    swedish = by_cookie.get(url)
    english = Client().get(url)
    assert answered_early(swedish) and answered_early(english)
    assert swedish.headers["Content-Language"] == "sv" and 'lang="sv"' in swedish.content.decode()
    assert english.headers["Content-Language"] == "en" and 'lang="en"' in english.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_a_page_not_stored_yet_reads_its_version_once(refreshed, name):
    """PageCacheMiddleware reads the version to look for the page; the view that renders it
    uses that read instead of asking again. (A version read begins with the stamp.)"""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = PAGES[name](refreshed)
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    stamp = 'SELECT "articles_contentversion"."stamp"'
    versions = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(stamp)]
    assert len(versions) == 1


def test_a_stored_page_gets_the_report_only_policy_too(refreshed, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    url = reader_url(refreshed["events"]["hanoi"])
    rendered, stored = Client().get(url), Client().get(url)
    assert answered_early(stored)
    header = "Content-Security-Policy-Report-Only"
    assert stored.headers[header] == rendered.headers[header] == "default-src 'none'"


def test_a_path_exempt_from_the_policy_is_stored_without_it(refreshed, settings):
    """The policy is kept once for all stored pages only when no path is exempt."""
    policy = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = {**policy, "EXCLUDE_URL_PREFIXES": ["/events/"]}
    client = Client()
    for url in [reverse("articles:home"), reader_url(refreshed["events"]["hanoi"])] * 2:
        client.get(url)
    home, reader = (
        client.get(reverse("articles:home")),
        client.get(reader_url(refreshed["events"]["hanoi"])),
    )
    assert answered_early(home) and answered_early(reader)
    assert "Content-Security-Policy" in home.headers
    assert "Content-Security-Policy" not in reader.headers
