"""The language switcher's endpoint takes a POST from the archive's own pages, told apart by
the headers the browser sends, and refuses one from anywhere else: articles/views/language.py."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.fresh_settings import settings_in_fresh_process

pytestmark = pytest.mark.django_db

SITE = "http://testserver"  # the test client's host, as a browser names it in Origin


def switch(headers: dict[str, str], language: str = "sv"):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("set_language"), {"language": language, "next": "/events/"}, headers=headers
    )
    return response, client.cookies.get("django_language")


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "same-origin", "origin": SITE},
        {"sec-fetch-site": "same-origin"},
        {"sec-fetch-site": "none"},  # the reader's own doing: a bookmark, the address bar
        {"origin": SITE},  # a browser without Fetch Metadata
    ],
)
def test_a_post_from_the_archive_s_own_pages_switches_the_language(headers):
    response, cookie = switch(headers)
    assert response.status_code == 302 and response["Location"] == "/events/"
    assert cookie is not None and cookie.value == "sv"


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"sec-fetch-site": "cross-site", "origin": "https://evil.example"}, "cross-site"),
        ({"sec-fetch-site": "same-site", "origin": "http://sub.testserver"}, "same-site"),
        # Sec-Fetch-Site decides when it is there, whatever Origin claims.
        ({"sec-fetch-site": "cross-site", "origin": SITE}, "cross-site"),
        ({"origin": "https://evil.example"}, "https://evil.example"),
        ({"origin": "null"}, "(null)"),  # a sandboxed frame, a privacy-sensitive redirect
        ({"origin": "https://testserver"}, "https://testserver"),  # another scheme
        ({}, "did not say which site"),
    ],
)
def test_a_post_from_anywhere_else_is_refused_with_the_reason(headers, reason):
    response, cookie = switch(headers)
    assert response.status_code == 403 and cookie is None
    assert reason in response.content.decode()


def test_a_trusted_origin_is_this_site(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://archive.example"]
    response, cookie = switch({"origin": "https://archive.example"})
    assert response.status_code == 302 and cookie.value == "sv"


def test_a_get_changes_nothing():
    client = Client()
    response = client.get(reverse("set_language"), {"language": "sv", "next": "/events/"})
    assert response.status_code == 302 and "django_language" not in client.cookies


def test_an_unknown_language_or_an_off_site_next_is_django_s_to_refuse():
    response, cookie = switch({"origin": SITE}, language="xx")
    assert response.status_code == 302 and cookie is None
    client = Client()
    response = client.post(
        reverse("set_language"),
        {"language": "sv", "next": "https://evil.example/"},
        headers={"origin": SITE},
    )
    assert response["Location"] == "/"


def test_deployed_the_language_cookie_is_secure_and_stays_on_the_site():
    """As the session and CSRF cookies are (DEBUG off: HTTPS at the proxy)."""
    shown = settings_in_fresh_process(
        "settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_SAMESITE",
        {"DEBUG": "0", "SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "archive.example"},
    )
    assert shown.stdout.strip() == repr((True, "Lax")), shown.stderr
