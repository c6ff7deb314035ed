"""Where articles come from: outlets, languages and raw captures."""

from django.contrib import admin
from django.db.models import Count
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from ..models import Capture, Language, Outlet
from .common import HTTPS_URLS, CaptureDisplayMixin


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["outlet_name", "outlet_homepage", "outlet_country", "article_count"]
    search_fields = ["name", "slug", "homepage"]
    prepopulated_fields = {"slug": ["name"]}

    formfield_overrides = HTTPS_URLS

    def get_queryset(self, request):
        queryset = super().get_queryset(request).annotate(num_articles=Count("articles"))
        return queryset.order_by(*Outlet._meta.ordering)

    @admin.display(description=_("name"), ordering="name")
    def outlet_name(self, obj: Outlet) -> str:
        return obj.name

    @admin.display(description=_("homepage"), ordering="homepage")
    def outlet_homepage(self, obj: Outlet) -> str:
        return obj.homepage

    @admin.display(description=_("country"), ordering="country")
    def outlet_country(self, obj: Outlet) -> str:
        return obj.country

    @admin.display(description=_("articles"), ordering="num_articles")
    def article_count(self, obj: Outlet) -> int:
        return obj.num_articles


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = [
        "language_code",
        "language_name",
        "language_native_name",
        "language_search_config",
    ]
    search_fields = ["code", "name", "native_name"]

    @admin.display(description=_("code"), ordering="code")
    def language_code(self, obj: Language) -> str:
        return obj.code

    @admin.display(description=_("English name"), ordering="name")
    def language_name(self, obj: Language) -> str:
        return obj.name

    @admin.display(description=_("native name"), ordering="native_name")
    def language_native_name(self, obj: Language) -> str:
        return obj.native_name

    @admin.display(description=_("text-search configuration"), ordering="search_config")
    def language_search_config(self, obj: Language) -> str:
        return obj.search_config


@admin.register(Capture)
class CaptureAdmin(CaptureDisplayMixin, admin.ModelAdmin):
    list_display = ["capture_filename", "capture_article", "capture_kind", "short_sha256",
                    "capture_importer", "capture_imported_at", "size"]  # fmt: skip
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
        return str(obj)

    @admin.display(description=_("article"), ordering="article__title")
    def capture_article(self, obj: Capture) -> str:
        return obj.article.title

    @admin.display(description=_("kind"), ordering="kind")
    def capture_kind(self, obj: Capture) -> str:
        return obj.get_kind_display()

    @admin.display(description=_("SHA-256"), ordering="sha256")
    def short_sha256(self, obj: Capture) -> str:
        return obj.sha256[:12] + "…"

    @admin.display(description=_("importer"), ordering="importer")
    def capture_importer(self, obj: Capture) -> str:
        return obj.importer

    @admin.display(description=_("imported"), ordering="imported_at")
    def capture_imported_at(self, obj: Capture):
        return obj.imported_at
