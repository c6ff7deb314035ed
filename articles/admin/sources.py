"""Where articles come from: outlets, languages and raw captures."""

from django.contrib import admin
from django.db.models import Count
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from ..models import Capture, Language, Outlet
from .common import HTTPS_URLS, CaptureDisplayMixin


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "homepage", "country", "article_count"]
    search_fields = ["name", "slug", "homepage"]
    prepopulated_fields = {"slug": ["name"]}

    formfield_overrides = HTTPS_URLS

    def get_queryset(self, request):
        queryset = super().get_queryset(request).annotate(num_articles=Count("articles"))
        return queryset.order_by(*Outlet._meta.ordering)

    @admin.display(description=_("articles"), ordering="num_articles")
    def article_count(self, obj: Outlet) -> int:
        return obj.num_articles


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "native_name", "search_config"]
    search_fields = ["code", "name", "native_name"]


@admin.register(Capture)
class CaptureAdmin(CaptureDisplayMixin, admin.ModelAdmin):
    list_display = ["capture_filename", "capture_article", "kind", "short_sha256", "importer",
                    "imported_at", "size"]  # fmt: skip
    list_filter = ["kind", "importer"]
    list_select_related = ["article"]
    search_fields = ["filename", "sha256", "article__title"]
    autocomplete_fields = ["article"]
    date_hierarchy = "imported_at"
    fields = ["article", "kind", "filename", "sha256", "importer", "imported_at", "size",
              "raw_text"]  # fmt: skip
    readonly_fields = ["sha256", "importer", "imported_at", "size", "raw_text"]

    def get_queryset(self, request):
        # The list shows each capture's size without loading its bytes.
        return super().get_queryset(request).defer("raw").annotate(raw_size=Length("raw"))

    def has_add_permission(self, request) -> bool:
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
