"""Events, each with the articles that cover it."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ..models import Article, Event
from .common import ArticleCountMixin
from .event_editing import merge_selected_events
from .history import HistoryAdminMixin
from .previews import EventPreviewMixin
from .slug_forms import EventForm


class EventArticleInline(admin.TabularInline):
    model = Article
    # Article also points at Event through proposed_event (grouping); this list is the event's own.
    fk_name = "event"
    readonly_fields = fields = ("title", "language", "outlet", "published_on", "status")
    show_change_link = True
    extra = 0
    can_delete = False
    verbose_name_plural = _("articles covering this event")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).select_related("language", "outlet")

    def has_add_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        # An article needs its body and language: it is written on its own page.
        return False


@admin.register(Event)
class EventAdmin(HistoryAdminMixin, EventPreviewMixin, ArticleCountMixin, admin.ModelAdmin):
    list_display = ["title", "date", "place", "article_count"]
    search_fields = ["title", "summary", "place"]
    form = EventForm
    date_hierarchy = "date"
    fields = ["title", "slug", "summary", "date", "end_date", "place"]
    inlines = [EventArticleInline]
    actions = [merge_selected_events]
