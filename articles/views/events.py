from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from ..estimates import total
from ..event_page.alternates import event_alternates
from ..event_page.page import event_page
from ..exports.links import export_links
from ..facets import event_language_counts, event_outlet_counts
from ..feeds import FeedLink, events_feed_link
from ..filters import EventFilter
from ..models import Article, ArticleImage, Event, Language
from .filtering import FilteredListView


class HomeView(ListView):
    """The latest events, each with the languages it is covered in."""

    template_name = "articles/home.html"
    context_object_name = "events"

    def get_queryset(self) -> QuerySet[Event]:
        return Event.objects.public().with_coverage()[: settings.EVENTS_PER_PAGE]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["languages"] = Language.objects.all()
        # Every event is public but for the few whose articles are all drafts: the plain
        # table is what PostgreSQL estimates well.
        context["events_total"] = total(Event.objects.public(), estimate_with=Event.objects.all())
        context["articles_total"] = total(Article.objects.published())
        context["feeds"] = [events_feed_link()]
        return context


class EventListView(FilteredListView):
    filterset_class = EventFilter
    template_name = "articles/event_list.html"
    context_object_name = "events"

    def get_queryset(self) -> QuerySet[Event]:
        return Event.objects.public().with_coverage()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Events in every ticked language: ticking one more narrows the results themselves.
        languages = event_language_counts(self.results_for_facets)
        context["language_options"] = self.language_options(languages)
        context["outlet_options"] = self.outlet_options(event_outlet_counts(self.without("outlet")))
        return context

    def feeds(self) -> list[FeedLink]:
        return [events_feed_link(), *super().feeds()]


class EventDetailView(DetailView):
    """The side-by-side reader: aligned rows across the columns the `lang` query picks."""

    template_name = "articles/event_detail.html"
    context_object_name = "event"
    # The editors' preview (articles.admin.previews) shows drafts too, marked; never public.
    include_drafts = False

    def get_queryset(self) -> QuerySet[Event]:
        articles = Article.objects.all() if self.include_drafts else Article.objects.published()
        articles = (
            articles.select_related("language", "outlet")
            .prefetch_related(Prefetch("images", queryset=ArticleImage.objects.all()))
            .in_reading_order()
        )
        events = Event.objects.all() if self.include_drafts else Event.objects.public()
        return events.prefetch_related(Prefetch("articles", queryset=articles, to_attr="versions"))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        versions = self.object.versions
        available = list(dict.fromkeys(article.language for article in versions))
        chosen, problems = self.chosen_languages(available)
        codes = [language.code for language in chosen]
        fact = self.request.GET.get("fact") or None
        # Without a draft among them, even a preview reads the stored rows and comparison.
        drafts = self.include_drafts and any(v.status == Article.Status.DRAFT for v in versions)
        page = event_page(self.object, versions, available, codes, fact, drafts=drafts)
        context.update(
            preview=self.include_drafts,
            page=page,
            side_by_side=page.side_by_side,
            facts=page.facts,
            strip=page.strip,
            lang_query=page.lang_query,
            problems=problems,
            exports=export_links(self.object, available),
            hreflangs=[
                (hreflang, self.request.build_absolute_uri(url))
                for hreflang, url in event_alternates(
                    self.object.get_absolute_url(), [lang.code for lang in available]
                )
            ],
        )
        return context

    def chosen_languages(self, available: list[Language]) -> tuple[list[Language], list[str]]:
        by_code = {language.code: language for language in available}
        requested = [code for code in self.request.GET.getlist("lang") if code]
        problems = [
            _("This event has no version in “%(code)s”; that column was left out.") % {"code": code}
            for code in requested
            if code not in by_code
        ]
        chosen = [by_code[code] for code in dict.fromkeys(requested) if code in by_code]
        return (chosen or available), problems
