"""Storing comparisons so a page view reads one instead of computing it.

`refresh_comparison` runs from the write paths and stores the result in Django's cache under a
fingerprint of what the comparison was computed from: the versions' body hashes and languages,
and their name links with the time each linked entry or its spellings last changed. A changed
body, a relinked article or an edited entry gives a new fingerprint, so a stale comparison is
never served and nothing needs invalidating, while an edit to a name these versions do not
mention leaves their comparison in place. `comparison_for` computes only when nothing is stored
under the fingerprint (a cold cache). Use a cache shared by the server's processes (database
or file cache) so one computation serves them all.
"""

from collections.abc import Sequence

from django.core.cache import cache
from django.db.models import Max

from articles.models import Article, ArticleName, Event
from articles.text import sha256_hex

from .compute import compare_versions
from .shape import Comparison

# Bump when extraction or the stored shape changes so cached comparisons made by older code
# are not reused (2: name facts carry their entry's slug; 3: facts no longer list the versions
# that carry or miss them, which the page works out for the columns it shows).
EXTRACTION_VERSION = 3
CACHE_TIMEOUT = None  # entries never expire; the fingerprint changes instead


def _name_state(articles: Sequence[Article]) -> list[tuple]:
    """The versions' name links and when each linked entry or its spellings last changed."""
    links = (
        ArticleName.objects.filter(article__in=[a.pk for a in articles])
        .annotate(spellings_at=Max("entry__variants__updated_at"))
        .values_list("article_id", "entry_id", "count", "entry__updated_at", "spellings_at")
        .order_by("article_id", "entry_id")
    )
    return [tuple(map(str, link)) for link in links]


def fingerprint(articles: Sequence[Article]) -> str:
    """Changes when a version's body or language, the set of versions, or their names change."""
    parts = [(a.pk, a.language_id, a.body_sha256) for a in articles]
    return sha256_hex(repr((EXTRACTION_VERSION, parts, _name_state(articles))))


def _cache_key(digest: str) -> str:
    return f"comparison:{digest}"


def refresh_comparison(articles: Sequence[Article], *, digest: str | None = None) -> Comparison:
    """Compute and store the comparison; call from write paths after the articles change.

    `digest` is the articles' fingerprint when the caller has just computed it.
    """
    comparison = compare_versions(articles)
    comparison.fingerprint = digest or fingerprint(articles)
    cache.set(_cache_key(comparison.fingerprint), comparison.to_json(), CACHE_TIMEOUT)
    return comparison


def comparison_for(articles: Sequence[Article]) -> Comparison:
    """The stored comparison of these versions, computed only if none is stored yet."""
    digest = fingerprint(articles)
    stored = cache.get(_cache_key(digest))
    return Comparison.from_json(stored) if stored else refresh_comparison(articles, digest=digest)


def refresh_event_comparison(event: Event) -> Comparison:
    """Write paths call this after an article of `event` is added, changed or moved."""
    return refresh_comparison(list(Article.objects.event_versions(event)))
