"""Login throttling (django-axes): five wrong passwords for one username from one address
pause that pair for the cool-off, with a page in the reader's language saying how long;
nobody can lock an editor out for good or from another address."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.test import RequestFactory

from articles.login_throttling import client_address

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "the-right-password-1"
ATTACKER = "203.0.113.66"
EDITOR_HOME = "198.51.100.20"


@pytest.fixture
def editor(db) -> User:
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def sign_in(client, password: str, address: str = ATTACKER, username: str = "editor", **headers):
    data = {"username": username, "password": password, "next": "/admin/"}
    return client.post(LOGIN, data, REMOTE_ADDR=address, **headers)


def fail_until_locked(client) -> list[int]:
    return [sign_in(client, f"guess-{n}").status_code for n in range(settings.AXES_FAILURE_LIMIT)]


def test_wrong_passwords_are_answered_until_the_limit_then_locked(client, editor):
    statuses = fail_until_locked(client)
    assert statuses[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)  # the form, with an error
    assert statuses[-1] == 429
    locked = sign_in(client, PASSWORD)  # even the right password, from this address
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_says_when_to_try_again(client, editor):
    fail_until_locked(client)
    response = sign_in(client, "again")
    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)
    page = response.content.decode()
    assert "Too many sign-in attempts" in page
    assert "Try again in 15 minutes" in page


@pytest.mark.parametrize(
    ("language", "words"),
    [("sv", "Försök igen om 15 minuter"), ("id", "Coba lagi dalam 15 menit"),
     ("vi", "Hãy thử lại sau 15 phút")],
)  # fmt: skip
def test_the_lockout_page_is_in_the_readers_language(client, editor, language, words):
    fail_until_locked(client)
    response = sign_in(client, "again", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 429
    assert words in response.content.decode()


def test_the_editor_still_signs_in_from_another_address(client, editor):
    fail_until_locked(client)
    response = sign_in(client, PASSWORD, address=EDITOR_HOME)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_another_username_from_the_same_address_is_not_locked(client, editor):
    User.objects.create_user("other", password=PASSWORD, is_staff=True)
    fail_until_locked(client)
    assert sign_in(client, PASSWORD, username="other").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, editor):
    fail_until_locked(client)
    # As if the cool-off had passed since the last attempt (the clock, not a mock, moves).
    past = settings.AXES_COOLOFF_TIME + timedelta(seconds=1)
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=attempt.attempt_time - past)
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_successful_sign_in_forgets_earlier_failures(client, editor):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, f"typo-{n}")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, "one-more-typo").status_code == 200  # counting starts again


def address_of(remote: str, forwarded: str | None = None) -> str | None:
    request = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(request)


def test_without_a_proxy_a_forwarded_header_is_ignored():
    assert address_of("203.0.113.5", "198.51.100.1") == "203.0.113.5"


def test_behind_a_proxy_the_address_it_saw_is_used_not_what_the_client_wrote(settings):
    settings.REVERSE_PROXY_COUNT = 1
    assert address_of("127.0.0.1", "10.9.9.9, 198.51.100.1") == "198.51.100.1"
    assert address_of("127.0.0.1") == "127.0.0.1"  # reached directly: REMOTE_ADDR
    settings.REVERSE_PROXY_COUNT = 2
    assert address_of("127.0.0.1", "10.9.9.9, 198.51.100.1, 10.0.0.2") == "198.51.100.1"


def test_behind_a_proxy_throttling_tells_clients_apart(client, editor, settings):
    settings.REVERSE_PROXY_COUNT = 1
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{n}", address="127.0.0.1", HTTP_X_FORWARDED_FOR=ATTACKER)
    locked = sign_in(client, PASSWORD, address="127.0.0.1", HTTP_X_FORWARDED_FOR=ATTACKER)
    assert locked.status_code == 429
    allowed = sign_in(client, PASSWORD, address="127.0.0.1", HTTP_X_FORWARDED_FOR=EDITOR_HOME)
    assert allowed.status_code == 302
