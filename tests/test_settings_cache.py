"""CACHE_URL picks the cache that stores comparisons; unset, it is the database cache."""

import socket
import subprocess
import uuid

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured

from articles.comparison.caching import (
    _cache_key,
    comparison_for,
    fingerprint,
    refresh_comparison,
)
from articles.models import Article
from coverage_site.cache_url import cache_from_url
from tests.factories import make_article, make_event
from tests.fresh_settings import settings_in_fresh_process

REDIS_URL = "redis://127.0.0.1:6379/0"

DEFAULT_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "coverage_cache",
    "OPTIONS": {"MAX_ENTRIES": 50_000},
}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            REDIS_URL,
            {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
        ),
        (
            "rediss://:secret@cache.internal:6380/2",
            {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "rediss://:secret@cache.internal:6380/2",
            },
        ),
        ("db://coverage_cache", DEFAULT_CACHE),
        (
            "locmem://",
            {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "OPTIONS": {"MAX_ENTRIES": 2_000},
            },
        ),
        ("dummy://", {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}),
        (" DUMMY:// ", {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}),
    ],
)
def test_each_scheme_names_its_backend(url, expected):
    assert cache_from_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "",
        "coverage_cache",
        "memcached://127.0.0.1:11211",
        "redis://",
        "db://",
        "db://cache; DROP TABLE articles_article",
        "db://coverage_cache/extra",
        "locmem://somewhere",
        "dummy://?x=1",
    ],
)
def test_a_bad_value_names_cache_url_and_the_value(url):
    with pytest.raises(ImproperlyConfigured) as raised:
        cache_from_url(url)
    assert f"CACHE_URL={url!r}" in str(raised.value)


def _start_up(cache_url: str | None) -> subprocess.CompletedProcess:
    """Load the production settings in a fresh process, as the server does at start-up."""
    return settings_in_fresh_process("settings.CACHES", {"CACHE_URL": cache_url})


def test_without_cache_url_comparisons_stay_in_the_database_cache():
    """`make run` needs nothing more: `make setup` runs createcachetable for this table."""
    started = _start_up(None)
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == repr({"default": DEFAULT_CACHE})


def test_an_unknown_scheme_stops_the_start_up():
    started = _start_up("memcache://127.0.0.1")
    assert started.returncode != 0
    assert "CACHE_URL='memcache://127.0.0.1'" in started.stderr


def _redis_unreachable() -> str | None:
    try:
        import redis  # noqa: F401 (Django's RedisCache imports it)
    except ImportError:
        return "the redis package is not installed (make setup installs it)"
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return "no Redis server on 127.0.0.1:6379"
    return None


@pytest.fixture
def redis_cache(settings):
    """The default cache on the local Redis, under a key prefix of this test's own, so the
    test never clears another user's keys."""
    if reason := _redis_unreachable():
        pytest.skip(f"Redis round trip: {reason}")
    settings.CACHES = {
        "default": {**cache_from_url(REDIS_URL), "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    }
    written: list[str] = []
    yield written
    cache.delete_many(written)


def test_a_comparison_round_trips_through_redis(db, redis_cache):
    """What one worker stores after a write, another worker's page view reads back."""
    event = make_event()
    make_article(language="en", event=event, body="Chen Gang met Pham Minh Chinh on 18 May.")
    make_article(language="id", event=event, body="Chen Gang bertemu Pham Minh Chinh 18 Mei.")
    versions = list(Article.objects.event_versions(event))
    stored = refresh_comparison(versions)
    redis_cache.append(_cache_key(stored.fingerprint))

    assert isinstance(caches["default"], RedisCache)
    assert cache.get(_cache_key(fingerprint(versions))) == stored.to_json()
    assert comparison_for(versions).to_json() == stored.to_json()


@pytest.mark.django_db
def test_the_default_cache_keeps_more_pages_than_djangos_300():
    """Django's database cache deletes a third of its entries past MAX_ENTRIES (300 unless
    set); the page cache needs more than that for a few hundred pages."""
    for n in range(400):
        cache.set(f"page-{n}", n)
    assert [cache.get(f"page-{n}") for n in range(400)] == list(range(400))
