"""Name variants for the aligner: a built-in table, overlaid with the editable name register.

The aligner takes any ``{spelling: key}`` mapping; ``register_variants`` builds the one the
stored alignments use from this table and the register (``articles.names``).
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


def register_variants(table: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """The built-in table overlaid with every spelling in the name register.

    A built-in entry that shares a spelling with a register entry takes the register's key,
    so "Chen Gang" in the register and "Trần Cương" only in this table still meet.
    """
    from articles.names.models import NameEntry, NameVariant

    register = {
        fold(name): f"entry-{pk}" for name, pk in NameEntry.objects.values_list("name", "pk")
    }
    register |= {
        fold(folded): f"entry-{entry_id}"
        for folded, entry_id in NameVariant.objects.values_list("folded", "entry_id")
    }
    merged = {}
    for key, spellings in (NAME_VARIANTS if table is None else table).items():
        folded = [fold(s) for s in spellings]
        owner = next((register[f] for f in folded if f in register), key)
        merged |= dict.fromkeys(folded, owner)
    return merged | register
