"""`--group`: hand the imported articles to the grouping module and apply or show its proposals."""

from .. import grouping
from ..history import history_reason
from ..models import Article, Event
from .records import ImportResult, ParsedCapture


def group_results(results: list[ImportResult], *, dry_run: bool) -> None:
    """Fill each result's `group` with the proposed event for articles that have none."""
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
    proposals = grouping.propose_groups(items, events=Event.objects.all())
    for result, _ in read:
        result.group = proposals.get(result.file, result.group)
    if not dry_run:
        with history_reason("grouping: import --group"):
            grouping.apply_proposals(proposals, by_key)


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
