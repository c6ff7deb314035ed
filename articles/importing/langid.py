"""Language identification with py3langid, offline.

The text is scored once over every language the model knows. Languages the archive does not
hold are reported (never created); within the archive's languages plus Malay (Indonesian's
usual confuser) the best-scoring language wins. A page's `lang` or an outlet's language is a
prior that tips short or ambiguous text but that a clear text overrules.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from articles.languages import CONFUSERS, base_language

# Malay must win clearly: on short Indonesian news sentences py3langid leans to Malay, and
# an Indonesian article refused as "Malay" costs more than a Malay one filed as Indonesian.
CONFUSER_WEIGHT = 0.3
HINT_WEIGHT = 0.9
MIN_LETTERS = 12
_LETTER = re.compile(r"[^\W\d_]")
MIN_CONFIDENCE = 0.5
FOREIGN_CONFIDENCE = 0.5
# py3langid walks the text byte by byte in Python, and this walk is most of a reading
# worker's time. 400 characters decide any article: every outcome in
# benchmarks/results/langid.md (article-length texts, seeds, Malay) is the same at 250, 400
# and 600, and sentences of 100-200 characters already score 99%.
MAX_CHARS = 400
RECHECK_CHARS = 5000
RECHECK_SCORE = 0.2


@dataclass(frozen=True)
class LanguageGuess:
    code: str | None
    confidence: float
    unknown: str | None = None  # a language the text is in that the archive does not hold

    @property
    def detected(self) -> bool:
        return self.code is not None


def load_language_model() -> None:
    _identifier()


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, known: frozenset[str], hint: str | None = None) -> LanguageGuess:
    """Name the language of `text` among `known`, or say which foreign language it is."""
    sample = text[:MAX_CHARS]
    if sum(1 for _ in islice(_LETTER.finditer(sample), MIN_LETTERS)) < MIN_LETTERS:
        return LanguageGuess(code=None, confidence=0.0)
    scores = dict(_identifier().rank(sample))
    if len(text) > MAX_CHARS and max(scores.get(c, 0.0) for c in CONFUSERS) > RECHECK_SCORE:
        # Indonesian and Malay share most words: give a close call the longer text.
        scores = dict(_identifier().rank(text[:RECHECK_CHARS]))
    top_code, top_score = max(scores.items(), key=lambda item: item[1])
    candidates = known | CONFUSERS
    if top_code not in candidates and top_score >= FOREIGN_CONFIDENCE:
        return LanguageGuess(code=None, confidence=top_score, unknown=top_code)
    code, confidence = _restricted_choice(scores, candidates, base_language(hint))
    if code not in known:
        return LanguageGuess(code=None, confidence=confidence, unknown=code)
    if confidence < MIN_CONFIDENCE:
        return LanguageGuess(code=None, confidence=confidence)
    return LanguageGuess(code=code, confidence=confidence)


def _restricted_choice(
    scores: dict[str, float], candidates: frozenset[str], hint: str
) -> tuple[str, float]:
    weights = {
        code: scores.get(code, 0.0) * (CONFUSER_WEIGHT if code in CONFUSERS else 1.0)
        for code in candidates
    }
    if hint in weights and len(weights) > 1:
        other = (1 - HINT_WEIGHT) / (len(weights) - 1)
        weights = {c: w * (HINT_WEIGHT if c == hint else other) for c, w in weights.items()}
    total = sum(weights.values())
    if total <= 0:
        return (hint, 1.0) if hint in candidates else (min(candidates), 0.0)
    code = max(weights, key=weights.__getitem__)
    return code, weights[code] / total
