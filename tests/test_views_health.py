"""`/healthz` answers 200 only when the database is reachable and every migration is applied,
and names what is wrong otherwise."""

from django.db import DatabaseError
from django.db.migrations.recorder import MigrationRecorder

from articles.views import health


def test_a_migrated_database_is_healthy(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "migrations": "applied"}
    assert "no-cache" in response["Cache-Control"]


def test_an_unapplied_migration_is_a_503_that_says_so(client, db):
    MigrationRecorder.Migration.objects.filter(app="articles").order_by("-name")[:1].get().delete()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["migrations"] == "1 not applied"


def test_an_unreachable_database_is_a_503(client, db, monkeypatch):
    def unreachable() -> int:
        raise DatabaseError("connection refused")

    monkeypatch.setattr(health, "_unapplied_migrations", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "unreachable: DatabaseError"}


def test_only_reads_are_answered(client, db):
    assert client.post("/healthz").status_code == 405
