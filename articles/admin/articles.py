"""Articles: the list editors sort and correct, with images and read-only captures."""

from datetime import date
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ..models import Article, ArticleImage, Capture
from ..refresh import refresh_events, refresh_for_article
from .actions import assign_event, publish, unpublish
from .capture_views import CaptureLinksMixin
from .common import HTTPS_URLS, CaptureDisplayMixin
from .event_editing import split_into_new_event
from .history import HistoryAdminMixin
from .importing import ImportAdminMixin
from .proposals import ProposalAdminMixin
from .thumbnails import ArticleThumbnailMixin, ImageThumbnailMixin


class InboxFilter(admin.SimpleListFilter):
    """Articles not yet sorted into an event wait in the inbox."""

    title = _("inbox")
    parameter_name = "inbox"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, Any]]:
        return [("yes", _("in the inbox (no event)")), ("no", _("sorted into an event"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        if self.value() in {"yes", "no"}:
            return queryset.filter(event__isnull=self.value() == "yes")
        return queryset


class ArticleImageInline(ImageThumbnailMixin, admin.TabularInline):
    model = ArticleImage
    fields = ["position", "image_thumbnail", "url", "caption"]
    readonly_fields = ["image_thumbnail"]
    formfield_overrides = HTTPS_URLS
    extra = 1
    show_change_link = True  # its own page holds its history


class CaptureInline(CaptureLinksMixin, CaptureDisplayMixin, admin.StackedInline):
    model = Capture
    readonly_fields = fields = (
        "filename", "kind", "sha256", "importer", "imported_at", "size", "capture_links",
        "raw_text",
    )  # fmt: skip
    extra = 0
    can_delete = False
    verbose_name_plural = _("raw captures (read-only)")

    def has_add_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        # Captures come from the importer, byte for byte; a form cannot produce them.
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(
    HistoryAdminMixin, ImportAdminMixin, ProposalAdminMixin, ArticleThumbnailMixin, admin.ModelAdmin
):
    list_display = [
        "title", "article_thumbnail", "article_language", "article_outlet", "article_event",
        "proposed_event_column", "article_published_on", "status", "title_derived",
    ]  # fmt: skip
    list_filter = [
        InboxFilter, "status", "language", "outlet", "published_on", "event", "title_derived",
    ]  # fmt: skip
    list_select_related = ["language", "outlet", "event", "proposed_event"]
    search_fields = ["title", "body", "source_url"]
    autocomplete_fields = ["event", "outlet", "translation_of"]
    date_hierarchy = "published_on"
    readonly_fields = ["body_sha256", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "title_derived", "language", "status", "event"]}),
        (_("Source"), {"fields": ["outlet", "outlet_evidence", "published_on", "source_url",
                                  "byline", "translation_of"]}),
        (_("Text"), {"fields": ["body", "body_sha256"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]  # fmt: skip
    inlines = [ArticleImageInline, CaptureInline]
    formfield_overrides = HTTPS_URLS
    actions = [*ProposalAdminMixin.actions, assign_event, publish, unpublish, split_into_new_event]

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: list[Any], change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        # Name links, the comparison and the alignment follow the edit, for the event the
        # article is in and the one it may have left.
        refresh_for_article(form.instance, previous_event_id=form.initial.get("event"))

    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        event_id = obj.event_id
        super().delete_model(request, obj)
        refresh_events({event_id})

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        # Articles in the inbox have no event: the set may hold None.
        event_ids: set[int | None] = set(queryset.values_list("event_id", flat=True))
        super().delete_queryset(request, queryset)
        refresh_events(event_ids)

    @admin.display(description=_("language"), ordering="language__code")
    def article_language(self, obj: Article) -> str:
        # The code keeps the column narrow; the field itself would show the English name.
        return obj.language_id

    # The stubs want a str empty_value; Django renders a lazy one (translated per request).
    @admin.display(  # type: ignore[call-overload]
        description=_("outlet"), ordering="outlet__name", empty_value=_("unknown")
    )
    def article_outlet(self, obj: Article) -> str | None:
        return obj.outlet.name if obj.outlet else None

    @admin.display(  # type: ignore[call-overload]
        description=_("event"), ordering="event__date", empty_value=_("inbox")
    )
    def article_event(self, obj: Article) -> str | None:
        return obj.event.title if obj.event else None

    @admin.display(  # type: ignore[call-overload]
        description=_("published on"), ordering="published_on", empty_value=_("unknown")
    )
    def article_published_on(self, obj: Article) -> date | None:
        return obj.published_on
