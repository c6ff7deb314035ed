"""The read-replica router, with real queries on a second alias (a test mirror of default).

The mirror is a second connection to the same test database, so a test must commit before the
replica can see its rows: these tests run outside the per-test transaction.
"""

from contextlib import contextmanager

import pytest
from django.contrib.auth.models import User
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Outlet
from coverage_site.routers import REPLICA, replica_reads
from tests.factories import make_article, make_outlet
from tests.fresh_settings import settings_in_fresh_process

pytestmark = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=[DEFAULT_DB_ALIAS, REPLICA]
)

ROUTER = "coverage_site.routers.PrimaryReplicaRouter"
MIDDLEWARE = "coverage_site.routers.replica_reads_middleware"


@pytest.fixture(autouse=True)
def replica_configured(settings):
    """What settings.py does when DATABASE_REPLICA_URL is set (pinned by the last test)."""
    settings.DATABASE_ROUTERS = [ROUTER]
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE]


@contextmanager
def queries_on_each_alias():
    """Yields {alias: captured queries} for the primary and the replica."""
    with (
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        yield {DEFAULT_DB_ALIAS: primary, REPLICA: replica}


def test_reads_go_to_the_replica_inside_replica_reads():
    outlet = make_outlet("Nhân Dân")
    with queries_on_each_alias() as queries, replica_reads():
        read = Outlet.objects.get(pk=outlet.pk)
    assert read.name == "Nhân Dân"
    assert read._state.db == REPLICA
    assert (len(queries[DEFAULT_DB_ALIAS]), len(queries[REPLICA])) == (0, 1)


def test_reads_stay_on_the_primary_outside_replica_reads():
    """Management commands, the importer and tests read what they wrote."""
    outlet = make_outlet()
    with queries_on_each_alias() as queries:
        Outlet.objects.get(pk=outlet.pk)
    assert (len(queries[DEFAULT_DB_ALIAS]), len(queries[REPLICA])) == (1, 0)


def test_writes_go_to_the_primary_even_inside_replica_reads():
    with queries_on_each_alias() as queries, replica_reads():
        Outlet.objects.create(name="Viet Nam News", slug="viet-nam-news")
    assert len(queries[REPLICA]) == 0
    assert any("INSERT" in q["sql"] for q in queries[DEFAULT_DB_ALIAS])


def test_reads_inside_a_transaction_on_the_primary_see_its_writes():
    """The replica cannot see an uncommitted row: a read after a write in the block stays."""
    with queries_on_each_alias() as queries, replica_reads(), transaction.atomic():
        outlet = Outlet.objects.create(name="Tempo", slug="tempo")
        assert Outlet.objects.filter(pk=outlet.pk).exists()
    assert len(queries[REPLICA]) == 0


def test_an_object_read_from_the_replica_may_be_related_to_one_written_to_the_primary():
    outlet = make_outlet()
    with replica_reads():
        from_replica = Outlet.objects.get(pk=outlet.pk)
    article = make_article(outlet=from_replica)
    assert article._state.db == DEFAULT_DB_ALIAS
    assert Article.objects.get(pk=article.pk).outlet_id == outlet.pk


def test_migrations_run_only_on_the_primary():
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "articles")
    assert not router.allow_migrate(REPLICA, "articles")


def test_an_anonymous_readers_page_is_read_from_the_replica(client, settings):
    # The page cache stores the page it rendered, a write: kept in memory here, as in Redis.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    make_outlet("Nhân Dân", slug="nhan-dan")
    with queries_on_each_alias() as queries:
        response = client.get(reverse("articles:outlet-detail", args=["nhan-dan"]))
    assert response.status_code == 200
    assert len(queries[DEFAULT_DB_ALIAS]) == 0
    assert len(queries[REPLICA]) > 0


def test_a_stored_page_reads_its_version_from_the_replica(client, settings):
    """Answered by PageCacheMiddleware, before replica_reads_middleware has run."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    make_outlet("Nhân Dân", slug="nhan-dan")
    url = reverse("articles:outlet-detail", args=["nhan-dan"])
    client.get(url)
    with queries_on_each_alias() as queries:
        response = client.get(url)
    assert response.status_code == 200 and not hasattr(response.wsgi_request, "user")
    assert (len(queries[DEFAULT_DB_ALIAS]), len(queries[REPLICA])) == (0, 1)


def test_an_editor_reads_from_the_primary(client):
    """An editor who saves and comes back to the list must see the save, not replica lag."""
    make_outlet("Nhân Dân")
    client.force_login(User.objects.create_superuser("editor", password="pw"))
    with queries_on_each_alias() as queries:
        response = client.get(reverse("admin:articles_outlet_changelist"))
    assert response.status_code == 200
    assert len(queries[REPLICA]) == 0


def test_a_post_reads_from_the_primary(client):
    """A form that writes reads its own rows from the primary, even for anonymous users."""
    User.objects.create_superuser("editor", password="pw")
    with queries_on_each_alias() as queries:
        response = client.post(
            reverse("admin:login"), {"username": "editor", "password": "pw"}, follow=False
        )
    assert response.status_code == 302
    assert len(queries[DEFAULT_DB_ALIAS]) > 0
    assert len(queries[REPLICA]) == 0


def _configured(extra_env: dict[str, str], expression: str) -> str:
    """The value of `expression` over django.conf.settings in a fresh process."""
    result = settings_in_fresh_process(expression, {"DATABASE_REPLICA_URL": None, **extra_env})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.django_db(databases=[])
def test_database_replica_url_adds_the_alias_router_and_middleware_and_nothing_otherwise():
    expression = "sorted(settings.DATABASES), settings.DATABASE_ROUTERS, settings.MIDDLEWARE[-1]"
    with_replica = _configured(
        {"DATABASE_REPLICA_URL": "postgres://reader@replica.internal:5432/archive"}, expression
    )
    assert with_replica == repr((["default", "replica"], [ROUTER], MIDDLEWARE))
    without = _configured({}, "sorted(settings.DATABASES), settings.DATABASE_ROUTERS")
    assert without == repr((["default"], []))
    assert MIDDLEWARE not in _configured({}, "settings.MIDDLEWARE")
