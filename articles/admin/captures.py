"""Raw captures: the bytes each article was imported from, read-only."""

from django.contrib import admin
from django.db.models import QuerySet
from django.db.models.functions import Length
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ..models import Capture
from .capture_views import CaptureFileMixin, CaptureLinksMixin
from .common import CaptureDisplayMixin


@admin.register(Capture)
class CaptureAdmin(CaptureFileMixin, CaptureLinksMixin, CaptureDisplayMixin, admin.ModelAdmin):
    list_display = ["capture_filename", "capture_article", "kind", "short_sha256", "importer",
                    "imported_at", "size"]  # fmt: skip
    list_filter = ["kind", "importer"]
    list_select_related = ["article"]
    search_fields = ["filename", "sha256", "article__title"]
    autocomplete_fields = ["article"]
    date_hierarchy = "imported_at"
    fields = ["article", "kind", "filename", "sha256", "importer", "imported_at", "size",
              "capture_links", "raw_text"]  # fmt: skip
    readonly_fields = ["sha256", "importer", "imported_at", "size", "capture_links", "raw_text"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Capture]:
        # The list shows each capture's size without loading its bytes.
        return super().get_queryset(request).defer("raw").annotate(raw_size=Length("raw"))

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Raw bytes arrive through the importer, never typed into a form.
        return False

    @admin.display(description=_("file name"), ordering="filename")
    def capture_filename(self, obj: Capture) -> str:
        # The row's link to its page: a capture without a file name shows its hash instead.
        return str(obj)

    @admin.display(description=_("article"), ordering="article__title")
    def capture_article(self, obj: Capture) -> str:
        # Sorted by title: the plain field would sort by the article's own (date) ordering.
        return obj.article.title

    @admin.display(description=_("SHA-256"), ordering="sha256")
    def short_sha256(self, obj: Capture) -> str:
        return obj.sha256[:12] + "…"
