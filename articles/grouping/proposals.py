"""Proposals kept on inbox articles, so editors can accept them with one click.

Computed by `manage.py propose_events` (or after an import), never on a page view: grouping
reads every inbox article and the events near their dates.
"""

from collections.abc import Iterable, Sequence

from django.db import transaction

from articles.history import history_reason
from articles.models import Article, Event
from articles.text import sha256_hex

from .events import NEW_LABEL_PREFIX, apply_proposals


def article_key(article: Article) -> str:
    return f"article:{article.pk}"


def items_for_articles(articles: Iterable[Article]) -> list:
    from . import GroupingItem

    return [
        GroupingItem(
            key=article_key(article),
            title=article.title,
            paragraphs=article.paragraphs,
            language=article.language_id,
            published_on=article.published_on,
            article_id=article.pk,
        )
        for article in articles
    ]


@transaction.atomic
def store_proposals(
    articles: Sequence[Article], *, events: Iterable[Event] | None = None
) -> dict[int, str]:
    """Propose an event for each of `articles` (inbox articles) and keep it on the article.

    Returns article pk -> label (an event slug or a proposed group token). A text that
    nothing else reports is still proposed a new event of its own."""
    from . import score_groups

    articles = list(articles)
    proposals = score_groups(items_for_articles(articles), events=events)
    slugs = {p.label for p in proposals.values() if not p.label.startswith(NEW_LABEL_PREFIX)}
    by_slug = Event.objects.in_bulk(slugs, field_name="slug")
    tokens = _group_tokens(proposals)
    labels: dict[int, str] = {}
    for article in articles:
        proposal = proposals[article_key(article)]
        article.proposed_event = by_slug.get(proposal.label)
        article.proposed_group = tokens.get(proposal.label, "")
        article.proposal_score = proposal.score
        labels[article.pk] = (
            article.proposed_event.slug if article.proposed_event else article.proposed_group
        )
    # Proposals are grouping's own derived values, left out of the history (articles/history.py).
    Article.objects.bulk_update(articles, ["proposed_event", "proposed_group", "proposal_score"])
    return labels


def _group_tokens(proposals: dict) -> dict[str, str]:
    """A stable token per new group, from its members' keys: "new-1" means nothing on the
    next run, the token names the same set of articles whenever it is computed."""
    members: dict[str, list[str]] = {}
    for key, proposal in proposals.items():
        if proposal.label.startswith(NEW_LABEL_PREFIX):
            members.setdefault(proposal.label, []).append(key)
    return {label: "g" + sha256_hex("|".join(sorted(keys)))[:16] for label, keys in members.items()}


@transaction.atomic
def accept_proposals(articles: Iterable[Article]) -> dict[str, Event]:
    """Apply the stored proposal of each inbox article among `articles`. Accepting a new-event
    proposal creates that event with every inbox article proposed for it. Returns label ->
    event for what was applied; articles without a proposal are left alone."""
    chosen = [a for a in articles if a.event_id is None]
    proposals: dict[str, str] = {}
    by_key: dict[str, Article] = {}
    for article in chosen:
        if article.proposed_event is not None:
            proposals[article_key(article)] = article.proposed_event.slug
            by_key[article_key(article)] = article
    groups = {a.proposed_group for a in chosen if a.proposed_group and not a.proposed_event_id}
    for sibling in Article.objects.filter(event=None, proposed_group__in=groups):
        proposals[article_key(sibling)] = NEW_LABEL_PREFIX + sibling.proposed_group
        by_key[article_key(sibling)] = sibling
    with history_reason("grouping: accepted proposal"):
        applied = apply_proposals(proposals, by_key)
    placed = [a for a in by_key.values() if a.event_id is not None]
    for article in placed:
        article.proposed_event, article.proposed_group, article.proposal_score = None, "", None
    Article.objects.bulk_update(placed, ["proposed_event", "proposed_group", "proposal_score"])
    return applied
