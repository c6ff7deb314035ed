"""`/healthz` answers 200 only when the database is reachable and every migration is applied,
and names what is wrong otherwise."""

from django.db.migrations.recorder import MigrationRecorder


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


def test_healthz_is_a_503_while_the_database_is_down(client, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "unreachable: OperationalError"}


def test_only_reads_are_answered(client, db):
    assert client.post("/healthz").status_code == 405
