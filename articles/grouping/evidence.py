"""What an article says that holds across languages: names, places, numbers and dates.

Each text becomes a bag of features with a kind prefix: `n:` a capitalised name word, `b:` two
adjacent name words, `#:` a number, `d:` a stated day and month, `w:` any other word (weak:
shared words mostly mean shared language, not a shared happening).
"""

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from articles.text import fold

from .dates import StatedDate, stated_dates, weekday_date, with_year, years_stated
from .titles import is_common
from .variants import NameVariants

_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# What may stand between two words of one name: spaces only (a comma or hyphen ends the name).
_SAME_RUN = re.compile(r"^[ \t\u00a0]+$")
_SENTENCE_MARKS = ".!?:;\n\u2014\u2013-"
_OPENERS = " \t\u00a0\"'\u201c\u201d\u2018\u2019\u00ab\u00bb("
_THOUSANDS = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")
_WORD = re.compile(r"[^\W\d_]{4,}")
LEAD_PARAGRAPHS = 2


@dataclass
class Evidence:
    features: Counter = field(default_factory=Counter)
    happened: StatedDate | None = None


def gather(
    title: str,
    paragraphs: list[str],
    *,
    language: str | None,
    published_on: date | None,
    table: NameVariants,
) -> Evidence:
    text = "\n".join([title, *paragraphs])
    context = _NameContext(
        table, language, {m.group(0) for m in _TOKEN.finditer(text) if m.group(0).islower()}
    )
    features: Counter = Counter()
    features.update(_name_features(title, context, title_case=_is_title_case(title)))
    for paragraph in paragraphs:
        features.update(_name_features(paragraph, context, title_case=False))
    features.update(_number_features(text))
    features.update(_word_features(text))
    mentioned = stated_dates(text)
    features.update(f"d:{stated.key}" for stated in mentioned)
    happened = happened_on(title, paragraphs, published_on)
    if happened is not None:
        # The day of the happening is evidence even where the text only says "on Tuesday".
        features[f"d:{happened.key}"] += 1
    return Evidence(features, happened)


def happened_on(
    title: str,
    paragraphs: list[str],
    published_on: date | None,
    *,
    group_published: Iterable[date] = (),
) -> StatedDate | None:
    """The date of the happening: the first date the headline or lead states, its year from
    the text itself, the publication date or, failing those, the latest publication date in
    its group that gives one; else a weekday ("on Tuesday") before publication."""
    lead = "\n".join([title, *paragraphs[:LEAD_PARAGRAPHS]])
    in_lead = stated_dates(lead)
    if not in_lead:
        return weekday_date(lead, published_on)
    text = "\n".join([title, *paragraphs])
    first = with_year(in_lead[0], published_on=published_on, years=years_stated(text))
    for reference in sorted(group_published, reverse=True):
        if first.year is not None:
            break
        first = with_year(first, published_on=reference, years=set())
    return first


def _is_title_case(title: str) -> bool:
    words = [w for w in _TOKEN.findall(title) if not w[0].isdigit() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@dataclass(frozen=True)
class _NameContext:
    table: NameVariants
    language: str | None
    lower_words: set[str]  # words the text writes in lower case somewhere


def _name_features(text: str, context: _NameContext, *, title_case: bool) -> list[str]:
    features: list[str] = []
    for run in _capitalised_runs(text, context, title_case=title_case):
        words = context.table.canonical(fold(" ".join(run))).split(" ")
        features.extend(f"n:{w}" for w in words)
        features.extend(f"b:{a} {b}" for a, b in itertools.pairwise(words))
    return features


def _capitalised_runs(text: str, context: _NameContext, *, title_case: bool) -> list[list[str]]:
    runs: list[list[str]] = []
    current: list[str] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        gap = text[previous_end : match.start()]
        previous_end = match.end()
        if current and not _SAME_RUN.match(gap):
            runs.append(current)
            current = []
        if not word[0].isupper() or is_common(word, context.language):
            if current:
                runs.append(current)
                current = []
            continue
        starts_sentence = not current and _starts_sentence(text, match.start())
        # "The", "Dalam", "Sáng" are capitalised only because a sentence starts with them.
        if (starts_sentence or title_case) and word.lower() in context.lower_words:
            continue
        current.append(word)
    if current:
        runs.append(current)
    return runs


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 20) : start].rstrip(_OPENERS)
    if not before:
        return start <= 20
    return before[-1] in _SENTENCE_MARKS


def _number_features(text: str) -> list[str]:
    features = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if not token[0].isdigit():
            continue
        # "1,000" and "1.000" are one thousand; "16,4" and "16.4" one decimal.
        thousands = _THOUSANDS.match(token)
        token = re.sub(r"[.,]", "", token) if thousands else token.replace(",", ".")
        if len(token) > 1:  # single digits say little about which happening this is
            features.append(f"#:{token}")
    return features


def _word_features(text: str) -> list[str]:
    return [f"w:{w}" for w in _WORD.findall(fold(text))]
