"""Finding names in text by their capitals: the one finder of runs of capitalised words.

Grouping and alignment both read names this way. A run is a list of words as written; the
caller folds it (`match_key`) and looks its spellings up in the name register.
"""

import re
from dataclasses import dataclass

from . import not_a_name

# A word (letters, with inner apostrophes) or a number as written.
TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# What may stand between two words of one name: spaces only (a comma or hyphen ends the name),
# or, where hyphenated names are read, also hyphens and dashes ("Lang Son-Hanoi").
_SPACES = re.compile(r"[ \t\u00a0]+\n?")  # as `^[ \t\u00a0]+$` matched: one final newline
_SPACES_OR_DASHES = re.compile(r"[\s\-\u2010-\u2014]*")
_HYPHENS = {"-", "\u2010", "\u2011"}
_SENTENCE_MARKS = ".!?:;\n\u2014\u2013-"
_OPENERS = " \t\u00a0\"'\u201c\u201d\u2018\u2019\u00ab\u00bb("


@dataclass(frozen=True)
class RunRule:
    """How a reader takes runs.

    `language`: its titles, honorifics and function words ("Prime Minister", "Ông") end a run
    (any language's when None) unless `keeps_titles`. `lower_words`: words the text also
    writes in lower case, so capitalised only because a sentence (or, with `title_case`, a
    headline) starts with them: "The", "Dalam", "Sáng". `hyphenated`: dashes join words and a
    lower-case word hyphenated to a run stays in it, as Vietnamese writes transliterated names
    ("Ây-đa Lớp-lây").
    """

    language: str | None = None
    keeps_titles: bool = False
    lower_words: frozenset[str] = frozenset()
    title_case: bool = False
    hyphenated: bool = False


def lower_case_words(text: str) -> frozenset[str]:
    """The words `text` writes in lower case somewhere."""
    return frozenset(word for word in TOKEN.findall(text) if word.islower())


def name_runs(text: str, rule: RunRule) -> list[list[str]]:
    """Runs of capitalised words in `text`, as written ("Phạm Minh Chính")."""
    runs: list[list[str]] = [[]]
    previous_end = 0
    for match in TOKEN.finditer(text):
        word, gap = match.group(0), text[previous_end : match.start()]
        previous_end = match.end()
        joined = bool(runs[-1]) and _joins(gap, rule)
        if runs[-1] and not joined:
            runs.append([])
        if _in_name(word, rule):
            starts = not runs[-1] and _starts_sentence(text, match.start())
            if not ((starts or rule.title_case) and word.lower() in rule.lower_words):
                runs[-1].append(word)
        elif joined and rule.hyphenated and gap in _HYPHENS and word[0].isalpha():
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _joins(gap: str, rule: RunRule) -> bool:
    return (_SPACES_OR_DASHES if rule.hyphenated else _SPACES).fullmatch(gap) is not None


def _in_name(word: str, rule: RunRule) -> bool:
    return word[0].isupper() and (rule.keeps_titles or not not_a_name(word, rule.language))


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 20) : start].rstrip(_OPENERS)
    if not before:
        return start <= 20
    return before[-1] in _SENTENCE_MARKS


def without_genitive(folded_word: str) -> str:
    """A folded name word without a genitive ending: "vietnam's", "vietnams" -> "vietnam".

    Language-blind on purpose: alignment compares two languages, and both sides must reduce
    a name alike, so "Paris" becomes "pari" in every language and still meets itself. The
    register matcher, which can check the base spelling, strips a bare "s" only in the
    languages whose profile says `genitive_s`."""
    word = re.sub(r"['\u2019]s$", "", folded_word)
    return word[:-1] if len(word) > 4 and word.endswith("s") else word
