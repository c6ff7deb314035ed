"""Spellings of one name across languages, as the editable name register (articles/names/)
records them: "Trần Cương" and "Chen Gang" count as one name because the register says so.

Spellings are compared under `match_key` ("Trần Cương" == "tran cuong"); each becomes its
entry's slug, one word, so that spellings of different lengths ("US", "Amerika Serikat")
count alike.
"""

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from articles.languages.folding import match_key
from articles.names.queries import spelling_owners


@dataclass(frozen=True)
class NameVariants:
    """Folded spelling -> canonical name, with one compiled pattern that finds them all."""

    table: dict[str, str]
    pattern: re.Pattern | None

    def canonical(self, folded_run: str) -> str:
        """Replace each known spelling in a folded name run by its canonical form as one
        word ('_' for its spaces), so that it counts as one name."""
        if self.pattern is None:
            return folded_run
        return self.pattern.sub(lambda m: self.table[m.group(0)].replace(" ", "_"), folded_run)


def variant_table() -> NameVariants:
    """The name register's spellings (one query: read it once per grouping run).

    Only entries with two or more spellings that fold apart. An entry known in one spelling
    tells grouping nothing that folding does not, so its name stays as written, word by word:
    joined into one name it would weigh less, and two reports naming the same provinces would
    look less alike (benchmarks/results/grouping.md)."""
    owners = spelling_owners()
    spellings = Counter(owners.values())
    return _compiled({spelling: slug for spelling, slug in owners.items() if spellings[slug] > 1})


def variants_from(entries: Mapping[str, Iterable[str]]) -> NameVariants:
    """A table given in code (canonical name -> its spellings), for tests."""
    owners: dict[str, str] = {}
    for canonical, spellings in entries.items():
        for spelling in [canonical, *spellings]:
            owners.setdefault(match_key(spelling), canonical)
    return _compiled(owners)


def _compiled(owners: dict[str, str]) -> NameVariants:
    """`owners` maps folded spellings to canonical names."""
    table = {spelling: canonical for spelling, canonical in owners.items() if spelling}
    if not table:
        return NameVariants({}, None)
    # Longest spellings first, so "korea selatan" wins over "korea".
    spellings = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in spellings) + r")(?!\w)")
    return NameVariants(table, pattern)
