"""The sitemap: every public event (with its language versions as `hreflang` alternates),
every published article, the outlets and the name register.

A section page of 50,000 URLs took 5-10 s to render at a million articles: each URL reversed
on its own (about 40 microseconds) and written out by the template engine. So each URL is
built without reversing it (`get_absolute_url`, articles/links.py) and a page writes its XML
directly (`urlset_xml`).

Pages hold 10,000 URLs, not the protocol's most (50,000): a page of 50,000 still took 1.8-2
s to render at a million articles, holding a worker that long whenever a change of the
archive gave the cached pages a new version; a page of 10,000 takes 0.2-0.3 s
(benchmarks/results/pages-archive1m.md).

Each section is split into pages of primary keys, page N holding the rows with keys from
(N-1)*limit+1 to N*limit, so no page reads more than `limit` rows, a page deep in
the archive is an index range rather than an OFFSET past every row before it, and the index
learns how many pages a section has from its highest key instead of counting the table. A
page can hold fewer rows than `limit` (drafts, deleted rows) and, only if a whole range of
keys holds nothing public, none.
"""

from datetime import date, datetime, tzinfo
from functools import cached_property
from html import escape
from typing import Any, cast

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils import timezone

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
    # Each row's URL is its get_absolute_url (articles/links.py builds it without reversing).

    limit = 10_000  # URLs a page (the module's docstring says why not 50,000)

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
            page = url["location"].removeprefix(origin)
            url["alternates"] = [
                {"lang_code": code, "location": origin + path}
                for code, path in event_alternates(page, languages.get(event.pk, []))
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

    def lastmod(self, entry: NameEntry) -> Any:
        return entry.updated_at


def _day(moment: date, zone: tzinfo) -> date:
    # As the template's |date: a moment in the current time zone.
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        return moment.astimezone(zone)
    return moment


def urlset_xml(urls: list[dict]) -> str:
    """What Django's sitemap.xml template renders for `urls` (Sitemap.get_urls), written
    out: the template engine took half of a 50,000-URL page's time. Escaped with the
    standard library's html.escape, which Django's escape filter wraps in a lazy-aware
    function that cost as much again."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/'
        'schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    ]
    zone = timezone.get_current_timezone()  # once: each lookup goes through a thread-local
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url.get("lastmod"):
            parts.append(f"<lastmod>{_day(url['lastmod'], zone):%Y-%m-%d}</lastmod>")
        for tag in ("changefreq", "priority"):
            if url.get(tag):
                parts.append(f"<{tag}>{escape(url[tag])}</{tag}>")
        parts += [
            f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}" '
            f'href="{escape(alternate["location"])}"/>'
            for alternate in url.get("alternates", ())
        ]
        parts.append("</url>")
    parts.append("</urlset>\n")
    return "".join(parts)


SITEMAPS = {
    "events": EventSitemap,
    "articles": ArticleSitemap,
    "outlets": OutletSitemap,
    "names": NameSitemap,
}
