"""`--group` and the admin's import preview: hand the imported articles to the grouping module
and apply or show its proposals."""

from .. import grouping
from ..history import history_reason
from ..models import Article
from .records import ImportResult, ParsedCapture


def group_results(results: list[ImportResult], *, dry_run: bool) -> None:
    """Fill each result's `group` (and `group_score`) with the proposed event for articles
    that have none. Existing events are those near the captures' dates, as for
    `propose_events`."""
    read = [(r, r.record) for r in results if r.status != "error" and r.record is not None]
    ids = [r.article_id for r, _ in read if r.article_id]
    articles = Article.objects.select_related("event").in_bulk(ids)
    items: list[grouping.GroupingItem] = []
    by_key: dict[str, Article] = {}
    for result, record in read:
        article = articles.get(result.article_id) if result.article_id else None
        if article is not None and article.event is not None:
            result.group = article.event.slug
            continue
        items.append(_item(result, record, article))
        if article is not None:
            by_key[result.file] = article
    if not items:
        return
    scored = grouping.score_groups(items)
    for result, _ in read:
        if result.file in scored:
            result.group, result.group_score = scored[result.file].label, scored[result.file].score
    if not dry_run:
        with history_reason("grouping: import --group"):
            grouping.apply_proposals({key: p.label for key, p in scored.items()}, by_key)


def _item(
    result: ImportResult, record: ParsedCapture, article: Article | None
) -> grouping.GroupingItem:
    return grouping.GroupingItem(
        key=result.file,
        title=record.title,
        paragraphs=list(record.paragraphs),
        language=record.language or "",
        published_on=record.published_on,
        article_id=article.pk if article else None,
    )
