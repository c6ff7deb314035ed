"""The built-in table of name variants: each person or place with its spellings.

This is the only place the table lives. An editable name register can replace it: anything that
produces a ``{spelling: key}`` mapping (see ``variant_map``) can be passed to the aligner.
"""

from collections.abc import Iterable, Mapping

from articles.text import fold

# Canonical key -> spellings seen in the seed captures (accents optional: they are folded away).
NAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "chen-gang": ("Chen Gang", "Trần Cương"),
    "pham-minh-chinh": ("Phạm Minh Chính",),
    "vu-dai-thang": ("Vũ Đại Thắng",),
    "pham-thanh-binh": ("Phạm Thanh Bình",),
    "cao-tuong-huy": ("Cao Tường Huy",),
    "ho-chi-minh": ("Hồ Chí Minh",),
    "quang-ninh": ("Quảng Ninh",),
    "lang-son": ("Lạng Sơn",),
    "cao-bang": ("Cao Bằng",),
    "ha-giang": ("Hà Giang",),
    "ha-noi": ("Hà Nội", "Hanoi"),
    "hai-phong": ("Hải Phòng",),
    "mong-cai": ("Móng Cái",),
    "ha-long": ("Hạ Long",),
    "nanning": ("Nanning", "Nam Ninh"),
    "guangxi": ("Guangxi", "Quảng Tây"),
    "vietnam": ("Việt Nam", "Vietnam"),
    "china": ("China", "Tiongkok", "Kina", "Trung Quốc", "Cina"),
    "asean": ("ASEAN",),
    "caexpo": ("CAEXPO",),
    "huu-nghi": ("Hữu Nghị", "Youyi"),
}


def variant_map(table: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Map each folded spelling to its entry's key (``"tran cuong" -> "chen-gang"``)."""
    table = NAME_VARIANTS if table is None else table
    return {fold(spelling): key for key, spellings in table.items() for spelling in spellings}


DEFAULT_VARIANTS = variant_map()
