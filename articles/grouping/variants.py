"""Known spellings of the same name across languages, in one place.

Each entry maps a canonical name to the spellings seen in captures. Spellings are compared
folded ("Trần Cương" == "tran cuong"), so only spellings that differ after folding are listed.
The editable name register (issue 4) will feed `variant_table()` from the database; until then
this small table is the whole register.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from articles.text import fold

KNOWN_VARIANTS: dict[str, list[str]] = {
    "chen gang": ["Chen Gang", "Trần Cương", "Tran Cuong"],
    "guangxi": ["Guangxi", "Quảng Tây", "Kwangsi"],
    "hanoi": ["Hanoi", "Hà Nội", "Ha Noi"],
    "ho chi minh city": ["Ho Chi Minh City", "Thành phố Hồ Chí Minh", "TP.HCM", "TPHCM"],
    "nanning": ["Nanning", "Nam Ninh"],
    "beijing": ["Beijing", "Bắc Kinh", "Peking"],
    "xi jinping": ["Xi Jinping", "Tập Cận Bình"],
    "china": ["China", "Trung Quốc", "Tiongkok", "Cina", "Kina"],
    "vietnam": ["Vietnam", "Việt Nam", "Viet Nam"],
    "asean": ["ASEAN", "Đông Nam Á"],
    "sweden": ["Sweden", "Thụy Điển", "Swedia", "Sverige"],
    "indonesia": ["Indonesia", "Indonesien"],
    "united states": ["United States", "Hoa Kỳ", "Mỹ", "Amerika Serikat", "USA", "US", "AS"],
    "united kingdom": ["United Kingdom", "Britain", "Inggris", "Storbritannien", "UK"],
    "wales": ["Wales", "Welsh"],
    "europe": ["Europe", "Eropa", "Europa", "châu Âu"],
    "russia": ["Russia", "Nga", "Rusia", "Ryssland"],
    "japan": ["Japan", "Nhật Bản", "Jepang"],
    "korea": ["Korea", "Hàn Quốc", "Korea Selatan", "Sydkorea"],
    "germany": ["Germany", "Jerman", "Tyskland"],
    "france": ["France", "Pháp", "Prancis", "Frankrike"],
}


def variant_table() -> dict[str, str]:
    """Folded spelling -> canonical name, from the register (today: KNOWN_VARIANTS)."""
    return _table_from(KNOWN_VARIANTS.items())


def _table_from(entries: Iterable[tuple[str, list[str]]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, spellings in entries:
        for spelling in [canonical, *spellings]:
            table[fold(spelling)] = canonical
    return table


@lru_cache(maxsize=4)
def _matcher(frozen: tuple[tuple[str, str], ...]) -> re.Pattern:
    # Longest spellings first, so "korea selatan" wins over "korea".
    spellings = sorted((s for s, _ in frozen), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in spellings) + r")(?!\w)")


def canonical_names(folded_run: str, table: dict[str, str]) -> str:
    """Replace each known spelling in a folded name run by its canonical form, joined by '_'."""
    pattern = _matcher(tuple(sorted(table.items())))
    return pattern.sub(lambda m: table[m.group(0)].replace(" ", "_"), folded_run)
