"""The cache backend named by CACHE_URL, as an entry of Django's CACHES setting."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LOCAL = {
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "dummy": "django.core.cache.backends.dummy.DummyCache",
}
# Django's local backends keep 300 entries by default and then delete a third of them; the page
# cache alone needs more than that for a few hundred pages (benchmarks/results/load.md: 20
# requests/s on the database cache against 98 on Redis). The database holds many on disk; the
# process's own memory, with pages of about 45 KB, a bounded few.
_DATABASE_ENTRIES = 50_000
_LOCMEM_ENTRIES = 2_000
_SCHEMES = "redis://host:port/db, rediss://…, db://table_name, locmem://, dummy://"


def _bad(value: str, why: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"CACHE_URL={value!r}: {why} (expected one of {_SCHEMES}).")


def _redis(value: str, netloc: str) -> dict:
    if not netloc:
        raise _bad(value, "a Redis URL needs a host")
    # Django's RedisCache hands the whole URL (password, database number) to redis-py.
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": value}


def _database(value: str, table: str) -> dict:
    if not _TABLE_NAME.fullmatch(table):
        raise _bad(value, "db:// needs a table name made of letters, digits and _")
    return {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": table,
        "OPTIONS": {"MAX_ENTRIES": _DATABASE_ENTRIES},
    }


def cache_from_url(value: str) -> dict:
    """`redis://127.0.0.1:6379/0`, `db://coverage_cache`, `locmem://` or `dummy://`.

    Raises ImproperlyConfigured, naming CACHE_URL and the value, for anything else, so a typo
    stops the server at start-up instead of silently caching somewhere unexpected.
    """
    parts = urlsplit(value.strip())
    scheme = parts.scheme.lower()
    if scheme in {"redis", "rediss"}:
        return _redis(value.strip(), parts.netloc)
    if parts.path.strip("/") or parts.query:
        raise _bad(value, "only redis:// URLs take a path or query")
    if scheme == "db":
        return _database(value, parts.netloc)
    if scheme == "locmem" and not parts.netloc:
        return {"BACKEND": _LOCAL[scheme], "OPTIONS": {"MAX_ENTRIES": _LOCMEM_ENTRIES}}
    if scheme in _LOCAL and not parts.netloc:
        return {"BACKEND": _LOCAL[scheme]}
    if scheme in _LOCAL:
        raise _bad(value, f"{scheme}:// takes nothing after it")
    raise _bad(value, f"unknown scheme {scheme!r}" if scheme else "no scheme")
