"""What an article says that holds across languages: names, places, numbers and dates.

Each text becomes a bag of features with a kind prefix: `n:` a capitalised name word, `b:` two
adjacent name words, `#:` a number, `d:` a stated day and month, `w:` any other word (weak:
shared words mostly mean shared language, not a shared happening).
"""

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from articles.facts.stated import StatedDate, stated_dates, weekday_date, with_year, years_stated
from articles.languages.folding import fold, match_key
from articles.languages.names import TOKEN, RunRule, lower_case_words, name_runs
from articles.languages.numbers import number_key, parse_number
from articles.languages.spellings import Spellings

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
    table: Spellings,
) -> Evidence:
    text = "\n".join([title, *paragraphs])
    rule = RunRule(language=language, lower_words=lower_case_words(text))
    features: Counter = Counter()
    title_rule = replace(rule, title_case=_is_title_case(title))
    features.update(_name_features(title, table, title_rule))
    for paragraph in paragraphs:
        features.update(_name_features(paragraph, table, rule))
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
    words = [w for w in TOKEN.findall(title) if not w[0].isdigit() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _name_features(text: str, table: Spellings, rule: RunRule) -> list[str]:
    features: list[str] = []
    for run in name_runs(text, rule):
        words = table.rewrite(match_key(" ".join(run))).split(" ")
        features.extend(f"n:{w}" for w in words)
        features.extend(f"b:{a} {b}" for a, b in itertools.pairwise(words))
    return features


def _number_features(text: str) -> list[str]:
    features = []
    for match in TOKEN.finditer(text):
        if not match.group(0)[0].isdigit():
            continue
        token = _number_key(match.group(0))
        if len(token) > 1:  # single digits say little about which happening this is
            features.append(f"#:{token}")
    return features


def _number_key(token: str) -> str:
    """ "1,000" and "1.000" are one thousand, "16,4" and "16.4" one decimal. Read without the
    language: translations do not always convert the separators, and read in each text's
    language "1,127" kept in a Swedish version parts from the English 1127 (the grouping
    benchmark's sweep fell from F1 0.945 to 0.935 at 0.60). Digits alone stay as written:
    "0800" and "09" (times, codes, padded days) say more as they stand."""
    if token.isdigit():
        return token
    return number_key(parse_number(token, None))


def _word_features(text: str) -> list[str]:
    return [f"w:{w}" for w in _WORD.findall(fold(text))]
