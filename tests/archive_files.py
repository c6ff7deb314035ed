"""An archive worth round-tripping, and its file as bytes, for the archive_io tests."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command

from articles.models import (
    AlignmentCorrection,
    Article,
    Event,
    EventAlignment,
    EventRedirect,
    NameEntry,
    NameVariant,
    Outlet,
)
from tests.factories import make_article, make_capture, make_image


def seeded_archive() -> dict[str, Article]:
    """The seed events, plus what they lack: a draft with an image and binary capture, an
    article whose original comes later in the file, an alignment correction, an outlet
    homepage, a spelling tied to a language and the old address of an event merged away."""
    call_command("load_seed_events", stdout=StringIO())
    event = Event.objects.order_by("pk").first()
    assert event is not None
    draft = make_article(
        language="sv", event=event, status="draft", title="Utkast", body="Ett utkast om Hà Nội."
    )
    make_image(draft, url="https://example.org/bild.jpg", caption="Bildtext", position=1)
    make_capture(draft, raw=bytes(range(256)), filename="utkast.html", kind="html")
    first = Article.objects.order_by("pk").first()
    assert first is not None
    Article.objects.filter(pk=first.pk).update(translation_of=draft)
    computed = EventAlignment.objects.get(event=event)
    AlignmentCorrection.objects.create(
        event=event, fingerprint=computed.fingerprint, versions=computed.versions,
        rows=computed.rows[::-1], note="Checked by hand.",
    )  # fmt: skip
    Outlet.objects.filter(pk=1).update(homepage="https://www.vietnam.vn/")
    entry = NameEntry.objects.order_by("pk").first()
    NameVariant.objects.create(entry=entry, spelling="Tran Cuong Test", language_id="vi")
    EventRedirect.objects.create(old_slug="an-event-merged-away", event=event)
    return {"draft": draft, "first": first}


def export_bytes(tmp_path: Path, name: str = "archive.jsonl") -> bytes:
    path = tmp_path / name
    call_command("export_archive", output=path, stderr=StringIO())
    return path.read_bytes()


def empty_the_archive() -> None:
    """What a freshly migrated database holds: no content (languages and register stay)."""
    Article.objects.all().delete()
    Event.objects.all().delete()
    Outlet.objects.all().delete()
