"""The sitemap: every public event (with its language versions as `hreflang` alternates),
every published article, the outlets and the name register.

Each section is split into pages of primary keys, page N holding the rows with keys from
(N-1)*limit+1 to N*limit, so no page reads more than `limit` (50,000) rows, a page deep in
the archive is an index range rather than an OFFSET past every row before it, and the index
learns how many pages a section has from its highest key instead of counting the table. A
page can hold fewer rows than `limit` (drafts, deleted rows) and, only if a whole range of
keys holds nothing public, none.
"""

from functools import cached_property
from typing import Any, cast

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.urls import reverse

from .event_page.alternates import event_alternates
from .models import Article, Event, Language, NameEntry, Outlet


class KeyRangePaginator(Paginator):
    """Pages of a queryset by ranges of its primary key."""

    def __init__(self, rows: QuerySet, per_page: int) -> None:
        super().__init__(rows, per_page)
        self.rows = rows

    @cached_property
    def num_pages(self) -> int:
        highest = self.rows.order_by("-pk").values_list("pk", flat=True).first()
        return max(1, -(-(highest or 0) // self.per_page))

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        first = (number - 1) * self.per_page
        rows = self.rows.filter(pk__gt=first, pk__lte=first + self.per_page)
        return Page(list(rows.order_by("pk")), number, self)


class _KeyRangeSitemap(Sitemap):
    @property
    def paginator(self) -> Paginator:
        return KeyRangePaginator(cast(QuerySet, self.items()), self.limit)

    def get_latest_lastmod(self) -> None:
        # The framework's would read every row for the index; pages give their own.
        return None


class EventSitemap(_KeyRangeSitemap):
    def items(self) -> QuerySet[Event]:
        return Event.objects.public().only("slug", "updated_at")

    def lastmod(self, event: Event) -> Any:
        return event.updated_at

    def get_urls(self, page: Any = 1, site: Any = None, protocol: Any = None) -> list[dict]:
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        languages = _languages_of([url["item"] for url in urls])
        for url in urls:
            event = url["item"]
            url["alternates"] = [
                {"lang_code": code, "location": origin + path}
                for code, path in event_alternates(event, languages.get(event.pk, []))
            ]
        return urls


def _languages_of(events: list[Event]) -> dict[int, list[str]]:
    """Each event's languages, in the archive's language order, in one query."""
    if not events:
        return {}
    rows = (
        Article.objects.published()
        # No join to events: an event with a published article is public (Event.is_public).
        .filter(event__gte=events[0].pk, event__lte=events[-1].pk)
        .order_by()
        .values_list("event_id", "language_id")
        .distinct()
    )
    order = {code: i for i, code in enumerate(Language.objects.values_list("code", flat=True))}
    languages: dict[int, list[str]] = {}
    for event_id, code in sorted(rows, key=lambda row: (row[0], order.get(row[1], 0))):
        languages.setdefault(event_id, []).append(code)
    return languages


class ArticleSitemap(_KeyRangeSitemap):
    def items(self) -> QuerySet[Article]:
        return Article.objects.published().only("pk", "updated_at")

    def lastmod(self, article: Article) -> Any:
        return article.updated_at


class OutletSitemap(_KeyRangeSitemap):
    def items(self) -> QuerySet[Outlet]:
        return Outlet.objects.only("slug")


class NameSitemap(_KeyRangeSitemap):
    def items(self) -> QuerySet[NameEntry]:
        return NameEntry.objects.only("slug", "updated_at")

    def location(self, entry: NameEntry) -> str:
        return reverse("articles:name-detail", args=[entry.slug])

    def lastmod(self, entry: NameEntry) -> Any:
        return entry.updated_at


SITEMAPS = {
    "events": EventSitemap,
    "articles": ArticleSitemap,
    "outlets": OutletSitemap,
    "names": NameSitemap,
}
