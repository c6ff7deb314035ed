"""Writing a planned archive: bulk inserts, one transaction per batch of articles.

Each row holds what a saved one would: an article's hash, search text and name links as
`computing` works them out, an event's search text as `Event.save` makes it. Alignments and
comparisons are not computed here.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.db import transaction

from articles.models import Article, ArticleImage, ArticleName, Event, Outlet

from .computing import Batch, Computed
from .marking import EVIDENCE
from .outlets import OutletPlan
from .plan import EventPlan, VersionPlan

INSERT_ROWS = 500  # rows per INSERT statement: well under PostgreSQL's 65,535 parameters


@dataclass
class Written:
    outlets: int = 0
    events: int = 0
    articles: int = 0
    images: int = 0
    name_links: int = 0
    # Event number -> pk, for an event whose versions straddle two batches.
    event_ids: dict[int, int] = field(default_factory=dict, repr=False)


def write_outlets(plans: list[OutletPlan]) -> dict[int, int]:
    """Create the outlets; returns outlet number -> pk."""
    outlets = [
        Outlet(name=p.name, slug=p.slug, homepage=p.homepage, country=p.country) for p in plans
    ]
    Outlet.objects.bulk_create(outlets, batch_size=INSERT_ROWS)
    return {plan.number: outlet.pk for plan, outlet in zip(plans, outlets, strict=True)}


def batches(
    events: Iterable[EventPlan], *, size: int
) -> Iterator[list[tuple[EventPlan, VersionPlan]]]:
    """Versions in batches of exactly `size` (the last may be smaller)."""
    pairs = ((event, version) for event in events for version in event.versions)
    while batch := list(islice(pairs, size)):
        yield batch


@transaction.atomic
def write_batch(
    batch: Batch, computed: list[Computed], *, outlet_ids: dict[int, int], written: Written
) -> None:
    _write_events([event for event, _ in batch], written=written)
    articles = [
        _article(event, version, values, written=written, outlet_ids=outlet_ids)
        for (event, version), values in zip(batch, computed, strict=True)
    ]
    Article.objects.bulk_create(articles, batch_size=INSERT_ROWS)
    images = [
        ArticleImage(article=article, url=url, caption=caption, position=position)
        for article, (_, version) in zip(articles, batch, strict=True)
        for position, (url, caption) in enumerate(version.images)
    ]
    ArticleImage.objects.bulk_create(images, batch_size=INSERT_ROWS)
    links = [
        ArticleName(article=article, entry_id=entry_id, count=count)
        for article, values in zip(articles, computed, strict=True)
        for entry_id, count in values.names
    ]
    ArticleName.objects.bulk_create(links, batch_size=INSERT_ROWS)
    # Only the batch's last event can continue into the next batch: forget the others.
    last = batch[-1][0].number
    written.event_ids = {last: written.event_ids[last]}
    written.articles += len(articles)
    written.images += len(images)
    written.name_links += len(links)


def _write_events(events: list[EventPlan], *, written: Written) -> None:
    new = list({e.number: e for e in events if e.number not in written.event_ids}.values())
    rows = [_event(plan) for plan in new]
    Event.objects.bulk_create(rows, batch_size=INSERT_ROWS)
    written.event_ids.update({plan.number: row.pk for plan, row in zip(new, rows, strict=True)})
    written.events += len(rows)


def _event(plan: EventPlan) -> Event:
    event = Event(
        title=plan.title,
        slug=plan.slug,
        summary=plan.summary,
        date=plan.day,
        end_date=plan.end_day,
        place=plan.place,
    )
    event.refresh_search_text()
    return event


def _article(
    event: EventPlan,
    version: VersionPlan,
    computed: Computed,
    *,
    written: Written,
    outlet_ids: dict[int, int],
) -> Article:
    article = Article(
        event_id=written.event_ids[event.number],
        outlet_id=outlet_ids[version.outlet.number] if version.outlet else None,
        outlet_evidence=EVIDENCE if version.outlet else "",
        language_id=version.language,
        title=version.title,
        published_on=version.published_on,
        source_url=version.source_url,
        status=Article.Status.DRAFT if version.draft else Article.Status.PUBLISHED,
    )
    article.body = computed.text.body
    article.use_computed_text(computed.text)
    return article
