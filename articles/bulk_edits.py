"""Editors' writes to many articles at once (the admin's bulk actions).

Each article is saved on its own, not with `queryset.update()`, so every change goes through
the model's save like an edit on the article's page (its history included); what the pages
read is refreshed once per event, after commit.
"""

from collections.abc import Iterable

from django.db import transaction

from .models import Article, Event
from .refresh import refresh_for_articles


@transaction.atomic
def set_status(*, articles: Iterable[Article], status: str) -> int:
    """Publish or unpublish (`status` "published" or "draft"); returns how many changed."""
    if status not in Article.Status.values:
        raise ValueError(f"unknown status {status!r}; use one of {', '.join(Article.Status)}")
    changed = [article for article in articles if article.status != status]
    for article in changed:
        article.status = status
        article.save(update_fields=["status", "updated_at"])
    refresh_for_articles(changed)
    return len(changed)


@transaction.atomic
def assign_to_event(*, articles: Iterable[Article], event: Event) -> int:
    """Put `articles` in `event`, out of the inbox or another event; returns how many moved.

    A grouping proposal belongs to the inbox: an article placed by an editor drops its own."""
    moved = [article for article in articles if article.event_id != event.pk]
    left = {article.event_id for article in moved}
    for article in moved:
        article.event = event
        article.proposed_event, article.proposed_group, article.proposal_score = None, "", None
        article.save(
            update_fields=[
                "event", "proposed_event", "proposed_group", "proposal_score", "updated_at",
            ]
        )  # fmt: skip
    refresh_for_articles(moved, previous_event_ids=left)
    return len(moved)
