"""Name variants for the aligner: the editable name register (``articles.names``).

The aligner takes any ``{folded spelling: key}`` mapping. The stored alignments use the
register's, from ``register_variants``; tests may overlay a table of their own.
"""

from collections.abc import Iterable, Mapping

from articles.languages.folding import match_key

# No table: without one (as in tests that need no database) names still anchor where their
# folded spellings agree ("Trần Cương" = "Tran Cuong"), but "Chen Gang" meets neither.
DEFAULT_VARIANTS: dict[str, str] = {}


def register_variants(table: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """Every spelling in the name register -> its entry's slug, with `table` overlaid.

    An entry of `table` that shares a spelling with a register entry takes the register's
    slug, so "Ada Byron" given here and "Ây-đa Lớp-lây" only in the register still meet.
    """
    from articles.names.queries import spelling_owners

    register = spelling_owners()
    merged: dict[str, str] = {}
    for key, spellings in (table or {}).items():
        folded = [match_key(s) for s in spellings]
        owner = next((register[f] for f in folded if f in register), key)
        merged |= dict.fromkeys(folded, owner)
    return merged | register
