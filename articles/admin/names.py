"""The name register: entries with their spellings; saving one relinks the articles it names."""

from typing import TYPE_CHECKING, Any, TypedDict

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import NameEntry, NameVariant
from ..refresh import refresh_for_entry
from .history import HistoryAdminMixin
from .slug_forms import NameEntryForm

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class _Counts(TypedDict):
    """What `NameEntryAdmin.get_queryset` annotates on each entry."""

    spellings: int
    articles: int


class NameVariantInline(admin.TabularInline):
    model = NameVariant
    extra = 1
    fields = ["spelling", "language", "folded"]
    readonly_fields = ["folded"]
    show_change_link = True  # its own page holds its history


@admin.register(NameEntry)
class NameEntryAdmin(HistoryAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "slug", "spelling_count", "article_count"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "variants__spelling"]
    form = NameEntryForm
    inlines = [NameVariantInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[NameEntry]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                spellings=Count("variants", distinct=True),
                articles=Count("article_links", distinct=True),
            )
        )

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[NameEntry], search_term: str
    ) -> tuple[QuerySet[NameEntry], bool]:
        # Editors type names with or without diacritics; match the folded spellings too.
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            results |= queryset.filter(pk__in=NameEntry.objects.search(search_term).values("pk"))
        return results, may_have_duplicates

    @admin.display(description=_("spellings"), ordering="spellings")
    def spelling_count(self, entry: "WithAnnotations[NameEntry, _Counts]") -> int:
        return entry.spellings

    @admin.display(description=_("articles"), ordering="articles")
    def article_count(self, entry: "WithAnnotations[NameEntry, _Counts]") -> int:
        return entry.articles

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: list[Any], change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        relinked = refresh_for_entry(form.instance)
        self.message_user(
            request,
            ngettext(
                "Name links refreshed in %(count)d article.",
                "Name links refreshed in %(count)d articles.",
                relinked,
            )
            % {"count": relinked},
            messages.INFO,
        )
