"""`/healthz` for the process manager: is the database reachable, are the migrations applied."""

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def _unapplied_migrations() -> int:
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 with {"database": "ok", "migrations": "applied"} when the site can serve; 503
    naming what is wrong otherwise (the database error's class, or how many migrations are
    not applied), so a process manager or load balancer can hold traffic back."""
    try:
        unapplied = _unapplied_migrations()
    except DatabaseError as error:
        return JsonResponse({"database": f"unreachable: {type(error).__name__}"}, status=503)
    if unapplied:
        body = {"database": "ok", "migrations": f"{unapplied} not applied"}
        return JsonResponse(body, status=503)
    return JsonResponse({"database": "ok", "migrations": "applied"})
