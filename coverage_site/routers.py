"""Reads from a PostgreSQL read replica, when DATABASE_REPLICA_URL configures one.

A replica lags the primary. An editor who saves an article and is sent back to the change list,
or the importer that writes an article and then reads it to group it, must see its own write,
so reads go to the replica only where staleness cannot be noticed: GET and HEAD requests of
anonymous readers, whose pages are the same for everyone and are not the result of a write
they just made. `replica_reads_middleware` marks those requests; everything else (the admin,
logins, forms, management commands, the importer) reads from the primary. Inside a transaction
on the primary reads stay there too, so a write and the read after it agree even in a
marked request.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"  # the alias settings.py adds for DATABASE_REPLICA_URL
SAFE_METHODS = frozenset({"GET", "HEAD"})

# A context variable, not a thread-local, so the mark follows the request under ASGI too.
_reads_from_replica: ContextVar[bool] = ContextVar("reads_from_replica", default=False)


@contextmanager
def replica_reads() -> Iterator[None]:
    """Send the ORM's reads to the replica for the duration of the block."""
    token = _reads_from_replica.set(True)
    try:
        yield
    finally:
        _reads_from_replica.reset(token)


def replica_reads_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Marks anonymous GET/HEAD requests as safe to serve from the replica."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE_METHODS or request.user.is_authenticated:
            return get_response(request)
        with replica_reads():
            return get_response(request)

    return middleware


class PrimaryReplicaRouter:
    """Writes and migrations on the primary; reads on the replica inside `replica_reads()`."""

    def db_for_read(self, model: type, **hints: object) -> str:
        if _reads_from_replica.get() and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model: type, **hints: object) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: object, obj2: object, **hints: object) -> bool:
        # Both aliases hold the same rows, so an object read from either may be related to one
        # read from the other.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: object) -> bool:
        # The replica gets the schema by replication from the primary.
        return db == DEFAULT_DB_ALIAS
