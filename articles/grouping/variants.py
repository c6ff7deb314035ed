"""Known spellings of the same name across languages, in one place.

Each entry maps a canonical name to the spellings seen in captures. Spellings are compared
folded ("Trần Cương" == "tran cuong"), so only spellings that differ after folding are listed.
Grouping does not read the editable name register (articles/names/) yet: the aligner overlays
the register on its own table (articles/alignment/names.py), this table stands alone. Making
`variant_table()` overlay the register too is the next step; it changes grouping keys, so
benchmarks/grouping.py must be re-run with it.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

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
    "united kingdom": ["United Kingdom", "Britain", "Storbritannien", "UK"],
    "wales": ["Wales", "Welsh"],
    "europe": ["Europe", "Eropa", "Europa", "châu Âu"],
    "russia": ["Russia", "Nga", "Rusia", "Ryssland"],
    "japan": ["Japan", "Nhật Bản", "Jepang"],
    "north korea": ["North Korea", "Triều Tiên", "Bắc Triều Tiên", "Korea Utara", "Nordkorea"],
    "south korea": ["South Korea", "Hàn Quốc", "Korea Selatan", "Sydkorea"],
    "united nations": ["United Nations", "UN", "Liên Hợp Quốc", "LHQ", "PBB", "FN"],
    "european union": [
        "European Union",
        "EU",
        "Liên minh châu Âu",
        "Uni Eropa",
        "Europeiska unionen",
    ],
    "white house": ["White House", "Nhà Trắng", "Gedung Putih", "Vita huset"],
    "macedonia": ["Macedonia", "Makedonia", "Makedonien"],
    "greece": ["Greece", "Hy Lạp", "Yunani", "Grekland"],
    "syria": ["Syria", "Suriah", "Syrien"],
    "turkey": ["Turkey", "Thổ Nhĩ Kỳ", "Turki", "Turkiet"],
    "saudi arabia": ["Saudi Arabia", "Ả Rập Xê Út", "Arab Saudi", "Saudiarabien"],
    "australia": ["Australia", "Úc", "Australien"],
    "india": ["India", "Ấn Độ", "Indien"],
    "iraq": ["Iraq", "Irak"],
    "spain": ["Spain", "Tây Ban Nha", "Spanyol", "Spanien"],
    "italy": ["Italy", "Italia", "Italien"],
    "mexico": ["Mexico", "Meksiko", "Mexiko"],
    "brazil": ["Brazil", "Brasil", "Brasilien"],
    "philippines": ["Philippines", "Filipina", "Filippinerna"],
    "thailand": ["Thailand", "Thái Lan"],
    "egypt": ["Egypt", "Ai Cập", "Mesir", "Egypten"],
    "ukraine": ["Ukraine", "Ukraina"],
    "poland": ["Poland", "Ba Lan", "Polandia", "Polen"],
    "norway": ["Norway", "Na Uy", "Norwegia", "Norge"],
    "denmark": ["Denmark", "Đan Mạch", "Danmark"],
    "finland": ["Finland", "Phần Lan", "Finlandia"],
    "switzerland": ["Switzerland", "Thụy Sĩ", "Swiss", "Schweiz"],
    "scotland": ["Scotland", "Skotlandia", "Skottland"],
    "england": ["England", "Inggris"],
    "london": ["London", "Luân Đôn"],
    "moscow": ["Moscow", "Mát-xcơ-va", "Moskow", "Moskva"],
    "africa": ["Africa", "Châu Phi", "Afrika"],
    "singapore": ["Singapore", "Singapura"],
    "germany": ["Germany", "Jerman", "Tyskland"],
    "france": ["France", "Pháp", "Prancis", "Frankrike"],
}


@dataclass(frozen=True)
class NameVariants:
    """Folded spelling -> canonical name, with one compiled pattern that finds them all."""

    table: dict[str, str]
    pattern: re.Pattern

    def canonical(self, folded_run: str) -> str:
        """Replace each known spelling in a folded name run by its canonical form, its
        words joined by '_' so that it counts as one name."""
        return self.pattern.sub(lambda m: self.table[m.group(0)].replace(" ", "_"), folded_run)


def variant_table() -> NameVariants:
    """The known variants (KNOWN_VARIANTS; the register is not read here yet)."""
    return _variants_from(KNOWN_VARIANTS.items())


def _variants_from(entries: Iterable[tuple[str, list[str]]]) -> NameVariants:
    table: dict[str, str] = {}
    for canonical, spellings in entries:
        for spelling in [canonical, *spellings]:
            table[fold(spelling)] = canonical
    # Longest spellings first, so "korea selatan" wins over "korea".
    spellings = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in spellings) + r")(?!\w)")
    return NameVariants(table, pattern)
