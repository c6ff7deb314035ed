"""Reading what a reader typed into the search box: words and "quoted phrases", folded.

A query that cannot be searched raises `QueryProblem` with a sentence saying why, which the
list page shows instead of results; it never reaches the database.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from articles.languages.folding import match_key

# Longer than any name or headline anyone types; the 500 characters keep a query's
# register look-up and tsquery small.
MAX_LENGTH = 500
# A word: letters and digits, with inner hyphens or apostrophes ("ria-vung", "o'brien").
WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})


class QueryProblem(ValueError):
    """The query cannot be searched; the message says why, for the reader."""


@dataclass(frozen=True)
class Phrase:
    """Words that must occur together, in this order (one bare word is a phrase of one)."""

    words: tuple[str, ...]
    quoted: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Query:
    phrases: tuple[Phrase, ...]
    # Characters typed but not searched (punctuation outside words), for the page to say so.
    ignored: str = ""

    @property
    def text(self) -> str:
        """The query as it can be typed again: bare words, quoted phrases in quotes."""
        return " ".join(f'"{p.text}"' if p.quoted else p.text for p in self.phrases)

    def runs(self) -> list[Phrase]:
        """Consecutive bare words joined into one run (a name may span them); quoted phrases
        stay whole."""
        runs: list[Phrase] = []
        for phrase in self.phrases:
            if not phrase.quoted and runs and not runs[-1].quoted:
                runs[-1] = Phrase(runs[-1].words + phrase.words)
            else:
                runs.append(phrase)
        return runs


def parse(raw: str) -> Query:
    """`raw` as folded phrases; raises QueryProblem when nothing in it can be searched."""
    if "\x00" in raw:
        raise QueryProblem(_("The search contains a NUL character, which no text holds."))
    if len(raw) > MAX_LENGTH:
        raise QueryProblem(
            _("The search is %(length)s characters long; at most %(max)s can be searched.")
            % {"length": f"{len(raw):,}", "max": MAX_LENGTH}
        )
    if not raw.strip():
        raise QueryProblem(_("The search is empty: type a word, a name or a “phrase”."))
    folded = match_key(raw.translate(_QUOTES))
    phrases: list[Phrase] = []
    # Between quotes (the odd pieces) a phrase; an unclosed quote runs to the end.
    for n, piece in enumerate(folded.split('"')):
        words = tuple(WORD.findall(piece))
        if n % 2:
            phrases += [Phrase(words, quoted=True)] if words else []
        else:
            phrases += [Phrase((word,)) for word in words]
    if not phrases:
        raise QueryProblem(
            _("The search “%(query)s” has no letters or digits to search for.") % {"query": raw}
        )
    ignored = "".join(dict.fromkeys(WORD.sub("", folded).replace('"', "").replace(" ", "")))
    return Query(tuple(phrases), ignored)
