"""Django's PostgreSQL backend, with a health check that costs no round trip.

CONN_HEALTH_CHECKS makes the first query of every request wait for a `SELECT 1` first, so a
connection that PostgreSQL dropped (a restart, benchmarks/faults.py) is replaced instead of
failing the request. A cached page is one query, so that check doubled its round trips. But
a server that ends a session writes its FATAL message and closes the socket, and an idle
connection has nothing else to read: while the socket has nothing to read, the connection
is as usable as `SELECT 1` would find it. Only then is the round trip left out.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed:
            return False
        idle = connection.info.transaction_status == pq.TransactionStatus.IDLE
        if idle and not _readable(connection.fileno()):
            return True
        return super().is_usable()


def _readable(socket: int) -> bool:
    poll = select.poll()  # not select.select: it cannot watch descriptors past 1024
    poll.register(socket, select.POLLIN)
    return bool(poll.poll(0))
