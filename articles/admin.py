"""The editors' panel: events with their articles, articles with images and raw captures."""

from django.contrib import admin
from django.db.models import Count
from django.db.models.functions import Length
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Article, ArticleImage, Capture, Event, Language, Outlet


class InboxFilter(admin.SimpleListFilter):
    """Articles not yet sorted into an event wait in the inbox."""

    title = _("inbox")
    parameter_name = "inbox"

    def lookups(self, request, model_admin):
        return [("yes", _("in the inbox (no event)")), ("no", _("sorted into an event"))]

    def queryset(self, request, queryset):
        if self.value() in {"yes", "no"}:
            return queryset.filter(event__isnull=self.value() == "yes")
        return queryset


class CaptureDisplayMixin:
    """Read-only views of a capture's bytes, shared by the capture admin and its inline."""

    @admin.display(description=_("size (bytes)"))
    def size(self, obj: Capture) -> int:
        return getattr(obj, "raw_size", None) or len(bytes(obj.raw))

    @admin.display(description=_("raw capture"))
    def raw_text(self, obj: Capture) -> str:
        # format_html escapes the capture: a captured <script> is shown, never run.
        return format_html('<pre style="white-space: pre-wrap">{}</pre>', obj.text)


class EventArticleInline(admin.TabularInline):
    model = Article
    fields = ["title", "language", "outlet", "published_on", "status"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False
    verbose_name_plural = _("articles covering this event")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("language", "outlet")

    def has_add_permission(self, request, obj=None) -> bool:
        # An article needs its body and language: it is written on its own page.
        return False


class ArticleImageInline(admin.TabularInline):
    model = ArticleImage
    fields = ["position", "url", "caption"]
    extra = 1


class CaptureInline(CaptureDisplayMixin, admin.StackedInline):
    model = Capture
    fields = ["filename", "kind", "sha256", "importer", "imported_at", "size", "raw_text"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("raw captures (read-only)")

    def has_add_permission(self, request, obj=None) -> bool:
        # Captures come from the importer, byte for byte; a form cannot produce them.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["event_title", "event_date", "event_place", "article_count"]
    search_fields = ["title", "summary", "place"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "date"
    fields = ["title", "slug", "summary", "date", "end_date", "place"]
    inlines = [EventArticleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_articles=Count("articles"))

    @admin.display(description=_("title"), ordering="title")
    def event_title(self, obj: Event) -> str:
        return obj.title

    @admin.display(description=_("date"), ordering="date")
    def event_date(self, obj: Event):
        return obj.date

    @admin.display(description=_("place"), ordering="place")
    def event_place(self, obj: Event) -> str:
        return obj.place

    @admin.display(description=_("articles"), ordering="num_articles")
    def article_count(self, obj: Event) -> int:
        return obj.num_articles


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "article_title", "article_language", "article_outlet", "article_event",
        "article_published_on", "article_status", "article_title_derived",
    ]  # fmt: skip
    list_filter = [
        InboxFilter, "status", "language", "outlet", "published_on", "event", "title_derived",
    ]  # fmt: skip
    list_select_related = ["language", "outlet", "event"]
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

    @admin.display(description=_("title"), ordering="title")
    def article_title(self, obj: Article) -> str:
        return obj.title

    @admin.display(description=_("language"), ordering="language__code")
    def article_language(self, obj: Article) -> str:
        return obj.language_id

    @admin.display(description=_("outlet"), ordering="outlet__name", empty_value=_("unknown"))
    def article_outlet(self, obj: Article) -> str | None:
        return obj.outlet.name if obj.outlet else None

    @admin.display(description=_("event"), ordering="event__date", empty_value=_("inbox"))
    def article_event(self, obj: Article) -> str | None:
        return obj.event.title if obj.event else None

    @admin.display(description=_("published on"), ordering="published_on", empty_value=_("unknown"))
    def article_published_on(self, obj: Article):
        return obj.published_on

    @admin.display(description=_("status"), ordering="status")
    def article_status(self, obj: Article) -> str:
        return obj.get_status_display()

    @admin.display(description=_("title derived"), boolean=True, ordering="title_derived")
    def article_title_derived(self, obj: Article) -> bool:
        return obj.title_derived


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["outlet_name", "outlet_homepage", "outlet_country", "article_count"]
    search_fields = ["name", "slug", "homepage"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_articles=Count("articles"))

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
    list_display = ["language_code", "language_name", "language_native_name", "search_config"]
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
    def search_config(self, obj: Language) -> str:
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
