"""Name-register spellings found in runs of folded name words: the one table grouping and
alignment compare names with (the panel's matcher, `articles.names.matching`, reads the same
register under the same `match_key`, and checks capitals and short spellings besides)."""

import re
from collections.abc import Callable, Mapping

from .folding import match_key

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


class Spellings:
    """Folded spellings -> the key of the name they spell ("tran cuong" -> "chen-gang"), with
    one compiled pattern that finds them all in a run of words joined by single spaces.

    `word` reduces each word of a spelling as the reader reduces the words of its runs
    (alignment strips genitives); without it a spelling is compared whole, as folded."""

    def __init__(
        self, owners: Mapping[str, str], *, word: Callable[[str], str] | None = None
    ) -> None:
        self.keys = {_spelled(spelling, word): key for spelling, key in owners.items()}
        self.keys.pop("", None)
        # Longest spellings first, so "korea selatan" wins over "korea".
        spellings = sorted(self.keys, key=len, reverse=True)
        alternation = "|".join(re.escape(s) for s in spellings)
        self.pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)") if spellings else None

    def rewrite(self, run: str) -> str:
        """Each spelling in `run` replaced by its key as one word ('_' for its spaces), so a
        name counts as one name however many words it is spelled with."""
        if self.pattern is None:
            return run
        return self.pattern.sub(lambda m: self.keys[m.group(0)].replace(" ", "_"), run)

    def split(self, run: list[str]) -> tuple[list[str], list[str]]:
        """The keys of the spellings found in `run` (words), and the words none covered."""
        if self.pattern is None:
            return [], run
        text = " ".join(run)
        keys: list[str] = []
        covered: set[int] = set()
        for match in self.pattern.finditer(text):
            keys.append(self.keys[match.group()])
            first = text[: match.start()].count(" ")
            covered.update(range(first, first + match.group().count(" ") + 1))
        return keys, [word for n, word in enumerate(run) if n not in covered]


def _spelled(spelling: str, word: Callable[[str], str] | None) -> str:
    if word is None:
        return spelling
    return " ".join(word(w) for w in _WORD.findall(match_key(spelling)))
