"""Every spelling of a name: a query naming one spelling in the register also matches the
others ("Chen Gang" matches "Trần Cương", "Tran Cuong" and "陈刚").

The register is read at query time, only the entries whose spellings the query holds (one
indexed query), so a spelling an editor adds counts on the next search.
"""

from collections import defaultdict
from dataclasses import dataclass

from articles.languages.spellings import Spellings
from articles.models import NameVariant

from .parsing import Phrase, Query

# No register spelling is longer than this many words.
_LONGEST_SPELLING = 6


@dataclass(frozen=True)
class Clause:
    """What one part of the query asks of a result: any one of `alternatives` (folded
    phrases, the typed one first)."""

    alternatives: tuple[str, ...]


def expand(query: Query) -> list[Clause]:
    """One clause per phrase of `query`; a run of words spelling a register name becomes one
    clause listing all of that name's spellings."""
    runs = query.runs()
    owners, spellings = _register_spellings({span for run in runs for span in _spans(run.words)})
    table = Spellings(owners)
    clauses: list[Clause] = []
    for run in runs:
        clauses += _run_clauses(run, table, spellings)
    return clauses


def _spans(words: tuple[str, ...]) -> set[str]:
    return {
        " ".join(words[start:end])
        for start in range(len(words))
        for end in range(start + 1, min(len(words), start + _LONGEST_SPELLING) + 1)
    }


def _register_spellings(spans: set[str]) -> tuple[dict[str, str], dict[str, set[str]]]:
    """The query's spans that are register spellings -> their entry, and each such entry ->
    all its spellings."""
    rows = NameVariant.objects.filter(entry__variants__folded__in=spans).values_list(
        "entry_id", "folded"
    )
    spellings: dict[str, set[str]] = defaultdict(set)
    owners: dict[str, str] = {}
    for entry_id, folded in rows:
        spellings[str(entry_id)].add(folded)
        if folded in spans:
            owners[folded] = str(entry_id)
    return owners, spellings


def _run_clauses(run: Phrase, table: Spellings, spellings: dict[str, set[str]]) -> list[Clause]:
    text = run.text
    if run.quoted:
        entry = table.keys.get(text)
        others = sorted(spellings[entry] - {text}) if entry else []
        return [Clause((text, *others))]
    clauses: list[Clause] = []
    done = 0
    for match in table.pattern.finditer(text) if table.pattern else ():
        clauses += [Clause((word,)) for word in text[done : match.start()].split()]
        name = match.group()
        clauses.append(Clause((name, *sorted(spellings[table.keys[name]] - {name}))))
        done = match.end()
    return clauses + [Clause((word,)) for word in text[done:].split()]
