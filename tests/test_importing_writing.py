"""Writing captures: idempotency, updates that keep earlier captures, outlets, atomicity."""

import pytest
from django.db import connection

from articles.importing import IMPORTER_VERSION
from articles.importing.pipeline import Importer
from articles.importing.reading import CaptureReader
from articles.importing.writing import relaxed_commits, store_capture, stored_hashes
from articles.models import Article, ArticleImage, Capture, Language, Outlet
from tests.factories import import_file

from .factories import make_event, make_outlet
from .seed_captures import seed_bytes

pytestmark = pytest.mark.django_db


def page(body: str, *, url: str = "https://news.example.org/a/1", site: str = "Example News"):
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (
        f'<html lang="en"><head><title>T</title><meta property="og:title" content="Talks end">'
        f'<meta property="og:site_name" content="{site}"><meta property="og:url" content="{url}">'
        f'<meta property="article:published_time" content="2025-02-19T08:00:00+07:00">'
        f"</head><body><article><h1>Talks end</h1>{paragraphs}</article></body></html>"
    ).encode()


BODY = "\n".join(
    f"The delegations met for the {n}th time in Hanoi to discuss railway links and border trade."
    for n in range(1, 6)
)


def test_a_seed_is_stored_with_its_raw_capture(seed_path):
    result = import_file(seed_path("004"))
    assert result.status == "new"
    article = Article.objects.get()
    capture = article.captures.get()
    assert bytes(capture.raw) == seed_bytes("004")
    assert capture.importer == IMPORTER_VERSION
    assert capture.kind == "text" and capture.filename == seed_path("004").name
    assert article.language_id == "vi" and article.outlet is None and article.event is None
    image = article.images.first()
    assert image.caption.startswith("Đại sứ Phạm Thanh Bình") and image.url == ""


def test_the_same_capture_twice_is_one_article(seed_path):
    import_file(seed_path("000"))
    assert import_file(seed_path("000")).status == "unchanged"
    assert Article.objects.count() == 1 and Capture.objects.count() == 1


def test_a_changed_capture_of_the_same_url_updates_and_keeps_the_earlier_capture():
    first = Importer().import_bytes("a.html", page(BODY))
    changed = BODY + "\nA correction was added later to the story about the railway talks."
    second = Importer().import_bytes("a.html", page(changed))
    assert (first.status, second.status) == ("new", "update")
    article = Article.objects.get()
    assert article.paragraphs[-1].startswith("A correction")
    assert article.captures.count() == 2


def test_update_keeps_the_editors_event():
    event = make_event()
    Importer(event=event).import_bytes("a.html", page(BODY))
    Importer().import_bytes(
        "a.html", page(BODY + "\nOne more paragraph of text here, long enough.")
    )
    assert Article.objects.get().event == event


def test_html_outlet_is_created_from_the_page_metadata():
    Importer().import_bytes("a.html", page(BODY))
    article = Article.objects.select_related("outlet").get()
    assert article.outlet.name == "Example News"
    assert article.outlet.homepage == "https://news.example.org/"
    assert "Example News" in article.outlet_evidence
    assert str(article.published_on) == "2025-02-19"
    assert article.source_url == "https://news.example.org/a/1"


def test_outlet_is_matched_by_domain():
    outlet = make_outlet("Ví dụ", homepage="https://www.news.example.org/")
    Importer().import_bytes("a.html", page(BODY, site="Another Name"))
    assert Article.objects.get().outlet == outlet
    assert Outlet.objects.count() == 1


def test_outlet_is_matched_by_name():
    outlet = make_outlet("Example News")
    Importer().import_bytes("a.html", page(BODY, url="https://other.example.com/x"))
    assert Article.objects.get().outlet == outlet


def test_event_option_puts_the_article_into_the_event(seed_path):
    event = make_event()
    import_file(seed_path("001"), event=event)
    assert Article.objects.get().event == event


def test_dry_run_writes_nothing():
    result = Importer(dry_run=True).import_bytes("a.html", page(BODY))
    assert result.status == "new" and result.outlet == "Example News"
    assert not Article.objects.exists() and not Outlet.objects.exists()


def _install_failing_capture_trigger() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION refuse_capture() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'capture refused by test trigger'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER refuse_capture BEFORE INSERT ON articles_capture "
                "FOR EACH ROW EXECUTE FUNCTION refuse_capture()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER refuse_capture BEFORE INSERT ON articles_capture BEGIN "
                "SELECT RAISE(ABORT, 'capture refused by test trigger'); END"
            )


def _drop_failing_capture_trigger() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER IF EXISTS refuse_capture ON articles_capture")
            cursor.execute("DROP FUNCTION IF EXISTS refuse_capture()")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS refuse_capture")


# serialized_rollback: an earlier transactional test may have flushed the migrated languages.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_error_mid_file_leaves_nothing_behind():
    """The capture row is written last; when the database refuses it, the article, its
    images and its new outlet (written before it) are rolled back with it."""
    _install_failing_capture_trigger()
    try:
        result = Importer().import_bytes("a.html", page(BODY))
    finally:
        _drop_failing_capture_trigger()
    assert result.status == "error"
    assert "capture refused by test trigger" in result.error
    assert not Article.objects.exists()
    assert not ArticleImage.objects.exists()
    assert not Outlet.objects.exists()
    assert Importer().import_bytes("a.html", page(BODY)).status == "new"


def test_stored_hashes_names_the_captures_the_archive_holds(seed_path):
    import_file(seed_path("000"))
    held = Capture.objects.get().sha256
    assert stored_hashes([held, "0" * 64]) == {held}


def test_a_capture_stored_since_the_batch_lookup_comes_out_unchanged(seed_path):
    """The hash was looked up with a batch of files, then the same bytes were stored (an
    earlier copy in the same run): the unique hash refuses the write and the file is
    stored again with its own lookup."""
    import_file(seed_path("000"))
    prepared = CaptureReader(known=frozenset({"id"}), language=None, max_bytes=10**6).read_path(
        seed_path("000")
    )
    plan = store_capture(
        raw=prepared.raw,
        record=prepared.record,
        language=Language.objects.get(pk="id"),
        checked_new=True,
    )
    assert plan.status == "unchanged"
    assert Article.objects.count() == 1 and Capture.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bulk_runs_relax_commits_for_their_session_only():
    def setting() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            return cursor.fetchone()[0]

    with relaxed_commits(True):
        assert setting() == "off"
    assert setting() == "on"
    with relaxed_commits(False):
        assert setting() == "on"
