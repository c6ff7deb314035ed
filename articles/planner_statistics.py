"""Keeping PostgreSQL's planner informed while a bulk write grows its tables.

The planner plans for the sizes its statistics give, and a session keeps the plans of the
triggers' lookups (plpgsql caches them) until ANALYZE invalidates them. Autovacuum, which
would run ANALYZE, may be off (it is on the benchmark machine) and never sees rows that are
not committed yet; planned for nearly empty tables, the lookups walk whole indexes and the
writer slows as its tables grow: import_archive fell from 770 articles/s at 10,000 to 339/s
at 30,000 (benchmarks/results/archive-io.md), generate_archive from ~600/s to ~120/s by
30,000 articles. So the bulk writers run ANALYZE themselves each time their rows double.
"""

from django.db import connection, models


def analyze(models_: list[type[models.Model]]) -> None:
    """ANALYZE the models' tables (on PostgreSQL; elsewhere nothing). Inside a transaction it
    counts the transaction's own uncommitted rows."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models_:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def analyze_if_doubled(before: int, after: int, models_: list[type[models.Model]]) -> None:
    """ANALYZE when a count of written rows went from `before` to `after` across a power of
    two: a logarithmic number of times over the whole write."""
    if before.bit_length() < after.bit_length():
        analyze(models_)
