"""Keeping `ArticleName` rows in step with the articles' text."""

import re
from collections import Counter

from django.db import transaction
from django.db.models import Q

from articles.languages.folding import match_key
from articles.models import Article, ArticleName, NameEntry

from .matching import NameMatcher, find_names

_WORD = re.compile(r"\w+")


def article_text(article: Article) -> str:
    return f"{article.title}\n\n{article.body}"


def count_names(article: Article, *, matcher: NameMatcher | None = None) -> Counter[int]:
    matches = find_names(article_text(article), article.language_id, matcher=matcher)
    return Counter(match.entry_id for match in matches)


@transaction.atomic
def link_article_names(article: Article, *, matcher: NameMatcher | None = None) -> int:
    """Replace the article's name links with what its title and body mention now.

    Call it after every write that changes an article's text. Returns the number of entries
    linked.
    """
    counts = count_names(article, matcher=matcher)
    ArticleName.objects.filter(article=article).delete()
    ArticleName.objects.bulk_create(
        ArticleName(article=article, entry_id=entry_id, count=count)
        for entry_id, count in counts.items()
    )
    return len(counts)


def _longest_word(folded: str) -> str:
    return max(_WORD.findall(folded), key=len, default=folded)


def relink_articles_for(entry: NameEntry) -> list[Article]:
    """Refresh the links of articles that may mention `entry` now or did before an edit."""
    # search_text is the folded title and body; the longest word of each spelling finds a
    # cheap superset of the articles that mention it, whatever the dashes and spacing.
    spellings = {v.folded for v in entry.variants.all()} | {match_key(entry.name)}
    might_mention = Q(name_links__entry=entry)
    for folded in spellings:
        might_mention |= Q(search_text__contains=_longest_word(folded))
    articles = list(
        Article.objects.filter(might_mention).distinct().only("title", "body", "language", "event")
    )
    for article in articles:
        link_article_names(article)
    return articles
