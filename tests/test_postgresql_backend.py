"""The health check of articles/postgresql_backend: no round trip for an idle connection,
and a connection the server ended is still found unusable (so it is replaced before a
request uses it: benchmarks/faults.py)."""

import select
from unittest import mock

import pytest
from django.db import connection
from django.db.backends.postgresql.base import DatabaseWrapper as DjangosWrapper

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's backend only"),
]


@pytest.fixture
def other():
    """A second connection to the test database, idle between the test's steps."""
    wrapper = connection.copy()
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


def test_an_idle_connection_is_usable_without_asking_the_server(other):
    with mock.patch.object(DjangosWrapper, "is_usable", side_effect=AssertionError("asked")):
        assert other.is_usable()


def test_a_connection_the_server_ended_is_not_usable(other):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [other.connection.info.backend_pid])
    poll = select.poll()
    poll.register(other.connection.fileno(), select.POLLIN)
    poll.poll(5000)  # the server's FATAL message arrives a moment after
    assert not other.is_usable()
