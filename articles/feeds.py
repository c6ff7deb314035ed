"""Atom feeds for followers: the latest events, and the latest articles in one language or
from one outlet. Drafts never appear: every feed reads `public()` events or `published()`
articles.

Dates are the archive's record or the source's, never made up. An entry's `updated` is when
the archive last changed it (Atom requires one on every entry). An article's `published` is
its source's publication day (written as midnight UTC: Atom needs a time of day, the source
gives none); an article whose source gives no date has no `published`, says "publication
date unknown", and, in the lists' order (`newest_first`), comes after every dated one. An
event's own date is when it happened, not when anything was published, so it is in the
entry's text.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, SyndicationFeed, get_tag_uri
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Article, Event, Language, Outlet
from .text import xml_text

ENTRIES = 50


@dataclass(frozen=True)
class FeedLink:
    """A `<link rel="alternate" type="application/atom+xml">` for a page's head."""

    title: str
    url: str


def events_feed_link() -> FeedLink:
    return FeedLink(_("New events"), reverse("articles:events-feed"))


def language_feed_link(language: Language) -> FeedLink:
    title = _("New articles in %(language)s") % {"language": _(language.name)}
    return FeedLink(title, reverse("articles:language-feed", args=[language.code]))


def outlet_feed_link(outlet: Outlet) -> FeedLink:
    title = _("New articles from %(outlet)s") % {"outlet": outlet.name}
    return FeedLink(title, reverse("articles:outlet-feed", args=[outlet.slug]))


def _feed_title(link: FeedLink) -> str:
    return f"{link.title} · {_('Coverage Archive')}"


class _AtomFeed(Feed):
    feed_type = Atom1Feed

    def get_feed(self, obj: object, request: HttpRequest) -> SyndicationFeed:
        """Each entry's id dated by when the archive made the row, which never changes.
        Django's default tag URI is dated by `published`, so an editor's correction of a
        publication date gave the entry a new id and readers saw it twice (Atom 4.2.6: an
        id is permanent). The link (with the request's host) is known only here."""
        feed = super().get_feed(obj, request)
        for entry in feed.items:
            entry["unique_id"] = get_tag_uri(entry["link"], entry.pop("created_at"))
        return feed

    def item_extra_kwargs(self, item: Event | Article) -> dict:
        return {"created_at": item.created_at}

    def item_title(self, item: Event | Article) -> str:
        return xml_text(item.title)

    def item_updateddate(self, item: Event | Article) -> datetime:
        return item.updated_at


class EventsFeed(_AtomFeed):
    subtitle = gettext_lazy("The latest events in the archive, newest first.")

    def title(self) -> str:
        return _feed_title(events_feed_link())

    def link(self) -> str:
        return reverse("articles:home")

    def items(self) -> QuerySet[Event]:
        return Event.objects.public().newest_first().with_coverage()[:ENTRIES]

    def item_description(self, item: Event) -> str:
        where = ", ".join(filter(None, [date_format(item.date), item.place]))
        covered = ", ".join(
            f"{a.language.native_name} ({a.outlet.name})" if a.outlet else a.language.native_name
            for a in item.coverage  # type: ignore[attr-defined]  # with_coverage()'s Prefetch
        )
        summary = format_html("<p>{}</p>", item.summary) if item.summary else ""
        html = format_html("<p>{}</p>{}<p>{}: {}</p>", where, summary, _("Covered in"), covered)
        return xml_text(html)


class _ArticlesFeed(_AtomFeed):
    def item_pubdate(self, item: Article) -> datetime | None:
        if item.published_on is None:
            return None
        return datetime.combine(item.published_on, time(), tzinfo=UTC)

    def item_author_name(self, item: Article) -> str | None:
        return xml_text(item.byline) or None

    def item_description(self, item: Article) -> str:
        published = (
            date_format(item.published_on) if item.published_on else _("publication date unknown")
        )
        meta = [str(item.outlet or ""), _(item.language.name), published]
        if item.title_derived:  # as the pages mark it: the source has no title
            meta.append(_("derived title"))
        event = format_html("<p>{}</p>", item.event.title) if item.event else ""
        return xml_text(format_html("<p>{}</p>{}", " · ".join(filter(None, meta)), event))

    def articles(self) -> QuerySet[Article]:
        return Article.objects.published().for_listing().newest_first()


class LanguageFeed(_ArticlesFeed):
    def get_object(self, request: object, code: str) -> Language:
        return get_object_or_404(Language, code=code)

    def title(self, language: Language) -> str:
        return _feed_title(language_feed_link(language))

    def link(self, language: Language) -> str:
        return reverse("articles:article-list") + f"?language={language.code}"

    def items(self, language: Language) -> QuerySet[Article]:
        return self.articles().filter(language=language)[:ENTRIES]


class OutletFeed(_ArticlesFeed):
    def get_object(self, request: object, slug: str) -> Outlet:
        return get_object_or_404(Outlet, slug=slug)

    def title(self, outlet: Outlet) -> str:
        return _feed_title(outlet_feed_link(outlet))

    def link(self, outlet: Outlet) -> str:
        return outlet.get_absolute_url()

    def items(self, outlet: Outlet) -> QuerySet[Article]:
        return self.articles().filter(outlet=outlet)[:ENTRIES]
