"""Slugs, made on the server from a title or a name: folded (articles/languages) so every
letter of every language keeps its base letter ("Hà Nội" -> "ha-noi"), and unique, also
against a merged event's old address. The importer, grouping and the editors' panel make
them here."""

from datetime import date

from django.db.models import QuerySet
from django.utils.text import slugify

from .languages.folding import fold
from .models import Event, EventRedirect, NameEntry, Outlet


def unique_slug(base: str, *taken: tuple[QuerySet, str]) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever no row holds yet: `taken` names each
    queryset and the field it keeps slugs in (a merged event's old address is one)."""
    slug, n = base, 2
    while any(rows.filter(**{field: slug}).exists() for rows, field in taken):
        slug, n = f"{base}-{n}", n + 1
    return slug


def _words(text: str, length: int) -> str:
    return slugify(fold(text))[:length].rstrip("-")


def event_slug(title: str, on: date) -> str:
    base = f"{_words(title, 80)}-{on.isoformat()}".lstrip("-")
    # A merged event's old address answers with a redirect: a new event must not take it.
    return unique_slug(
        base, (Event.objects.all(), "slug"), (EventRedirect.objects.all(), "old_slug")
    )


def outlet_slug(name: str) -> str:
    return unique_slug(_words(name, 190) or "outlet", (Outlet.objects.all(), "slug"))


def name_slug(name: str) -> str:
    return unique_slug(_words(name, 190) or "name", (NameEntry.objects.all(), "slug"))
