"""Events on both sides of grouping: existing events as evidence, new events from proposals."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects

from articles.facts.stated import StatedDate
from articles.languages.spellings import Spellings
from articles.models import Article, Event
from articles.refresh import refresh_for_article
from articles.slugs import event_slug

from .clustering import Node
from .evidence import gather, happened_on

if TYPE_CHECKING:
    from . import GroupingItem

# Existing events this many days around the items' dates are candidates for a match.
CANDIDATE_WINDOW = timedelta(days=60)
# An undated text could report any happening, but comparing it with every event read the
# whole archive (a million articles' bodies) for one capture. Captures are mostly of recent
# news, so it meets the newest events; its proposal is the editors' to accept or change.
UNDATED_CANDIDATES = 1000
NEW_LABEL_PREFIX = "new-"
PREFERRED_TITLE_LANGUAGE = "en"
TITLE_LENGTH = 120


def event_nodes(events: Iterable[Event], table: Spellings) -> list[tuple[str, list[Node]]]:
    """Each event as its own title, summary and place plus each of its published articles,
    all dated by the event (its date to its end date)."""
    result = []
    for event in _with_published_articles(events):
        start = StatedDate(event.date.month, event.date.day, event.date.year)
        end_on = event.end_date or event.date
        end = StatedDate(end_on.month, end_on.day, end_on.year)
        own = gather(
            event.title,
            [event.summary, event.place],
            language=None,
            published_on=None,
            table=table,
        )
        members = [Node(own.features, start, end, event.slug)]
        # Set by the Prefetch(to_attr=...) in `_with_published_articles`.
        for article in event.published_for_grouping:  # type: ignore[attr-defined]
            found = gather(
                article.title,
                article.paragraphs,
                language=article.language_id,
                published_on=None,
                table=table,
            )
            members.append(Node(found.features, start, end, event.slug, article.language_id))
        result.append((event.slug, members))
    return result


def _with_published_articles(events: Iterable[Event]) -> list[Event]:
    published = Prefetch(
        "articles",
        queryset=Article.objects.published().only("id", "event_id", "language_id", "title", "body"),
        to_attr="published_for_grouping",
    )
    if hasattr(events, "prefetch_related"):
        return list(events.prefetch_related(published))
    events = list(events)
    prefetch_related_objects(events, published)
    return events


def candidate_events(
    items: Sequence["GroupingItem"], happened: Sequence[StatedDate | None]
) -> QuerySet[Event]:
    """The archive's events that could match: those dated within CANDIDATE_WINDOW of the
    dates the items hold (`happened`: each item's happening, as its evidence dates it) and,
    when any item holds no date at all, the UNDATED_CANDIDATES newest events."""
    held = [_dates_held(item.published_on, on) for item, on in zip(items, happened, strict=True)]
    days = [day for dates in held for day in dates]
    near = (
        Q(date__lte=max(days) + CANDIDATE_WINDOW, date__gte=min(days) - CANDIDATE_WINDOW)
        if days
        else Q(pk__in=[])
    )
    if held and all(held):
        return Event.objects.filter(near)
    newest = Q(pk__in=Event.objects.order_by("-date", "-pk").values("pk")[:UNDATED_CANDIDATES])
    return Event.objects.filter(newest | near)


def _dates_held(published_on: date | None, happened: StatedDate | None) -> list[date]:
    return [day for day in (published_on, happened.on() if happened else None) if day]


@dataclass(frozen=True)
class NewEvent:
    title: str
    date: date | None  # None: nothing in the articles dates it; the event is not created
    date_source: str


def plan_new_event(articles: Sequence[Article]) -> NewEvent:
    """Title from the articles (English first, else the first language in the archive's
    order); date: the earliest date they hold, publication or stated happening."""
    ordered = sorted(articles, key=_title_preference)
    title = _short(ordered[0].title)
    published = [a.published_on for a in articles if a.published_on]
    candidates: list[tuple[date, str]] = [(d, "published") for d in published]
    for article in articles:
        stated = happened_on(
            article.title, article.paragraphs, article.published_on, group_published=published
        )
        happened = stated.on() if stated else None
        if happened:
            candidates.append((happened, "stated in the text"))
    if not candidates:
        return NewEvent(title, None, "none")
    earliest, source = min(candidates)
    return NewEvent(title, earliest, source)


def _short(title: str) -> str:
    """A headline-length title: a capture whose "title" is its whole lead is cut at a word
    boundary and marked as cut."""
    title = " ".join(title.split())
    if len(title) <= TITLE_LENGTH:
        return title
    return title[:TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def _title_preference(article: Article) -> tuple:
    return (
        article.language_id != PREFERRED_TITLE_LANGUAGE,
        article.title_derived,
        article.language.position,
        article.published_on or date.max,
        article.pk or 0,
    )


@transaction.atomic
def apply_proposals(
    proposals: dict[str, str], articles_by_key: dict[str, Article]
) -> dict[str, Event]:
    """Create the proposed new events and assign the articles, all or nothing.

    Returns label -> event for every label applied. A new group whose articles hold no date
    at all (neither a publication date nor a dated happening in the text) gets no event: the
    archive never invents a date, so those articles stay in the inbox for an editor. Articles
    that already belong to an event are left where an editor put them."""
    by_label: dict[str, list[Article]] = defaultdict(list)
    for key, label in proposals.items():
        by_label[label].append(articles_by_key[key])
    events = _existing_events([label for label in by_label if not _is_new(label)])
    for label, articles in by_label.items():
        if _is_new(label):
            created = create_event_for(articles)
            if created is None:
                continue
            events[label] = created
        _assign(articles, events[label])
    return events


def _is_new(label: str) -> bool:
    return label.startswith(NEW_LABEL_PREFIX)


def _existing_events(slugs: list[str]) -> dict[str, Event]:
    found = Event.objects.in_bulk(slugs, field_name="slug")
    missing = sorted(set(slugs) - set(found))
    if missing:
        raise Event.DoesNotExist(f"No event with slug {', '.join(missing)}")
    return dict(found)


def create_event_for(articles: Sequence[Article]) -> Event | None:
    """A new event titled and dated from `articles` (`plan_new_event`); None, and nothing
    written, when they hold no date. Grouping and splitting an event both make events so."""
    plan = plan_new_event(articles)
    if plan.date is None:
        return None
    event = Event(title=plan.title, slug=event_slug(plan.title, plan.date), date=plan.date)
    event.full_clean()
    event.save()
    return event


def _assign(articles: list[Article], event: Event) -> None:
    for article in articles:
        if article.event_id is not None:
            continue
        article.event = event
        article.full_clean()
        article.save()
        # Links, the event's comparison and its alignment follow (after commit).
        refresh_for_article(article)
