"""The column picker: links that show, hide and reorder the event page's language columns.

Every move is a plain link (a `?lang=…` query), so the picker works without script.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from articles.models import Language


@dataclass(frozen=True)
class PickerItem:
    code: str
    name: str
    native_name: str
    shown: bool
    # Query strings ("?lang=…"); None where the move makes no sense.
    left: str | None = None
    right: str | None = None
    toggle: str | None = None
    first: str = ""


def reader_query(codes: Sequence[str]) -> str:
    """The query string that shows the columns `codes` in that order."""
    return "?" + urlencode([("lang", code) for code in codes])


def picker(languages: Sequence[Language], chosen: Sequence[str]) -> list[PickerItem]:
    """One item per language: shown ones in column order, then the hidden ones."""
    items = []
    for language in sorted(languages, key=lambda lang: _order(lang.code, chosen)):
        code = language.code
        shown = code in chosen
        item = PickerItem(
            code=code,
            name=language.name,
            native_name=language.native_name,
            shown=shown,
            first=reader_query([code, *(c for c in chosen if c != code)]),
        )
        if shown:
            at = list(chosen).index(code)
            item = _with_moves(item, list(chosen), at)
        else:
            item = replace(item, toggle=reader_query([*chosen, code]))
        items.append(item)
    return items


def _order(code: str, chosen: Sequence[str]) -> tuple[int, int]:
    return (0, list(chosen).index(code)) if code in chosen else (1, 0)


def _with_moves(item: PickerItem, chosen: list[str], at: int) -> PickerItem:
    def swapped(other: int) -> str:
        codes = chosen.copy()
        codes[at], codes[other] = codes[other], codes[at]
        return reader_query(codes)

    return replace(
        item,
        left=swapped(at - 1) if at > 0 else None,
        right=swapped(at + 1) if at < len(chosen) - 1 else None,
        toggle=reader_query([c for c in chosen if c != item.code]) if len(chosen) > 1 else None,
    )
