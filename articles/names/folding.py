"""Kept only for the importers of the old path (`names/models.py` and migration 0005) until
they are repointed: folding lives in `articles.languages.folding`."""

from articles.languages.folding import fold_with_offsets, match_key

__all__ = ["fold_with_offsets", "match_key"]
