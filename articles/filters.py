"""FilterSets for the public lists: one per list, each filter explicit about its field."""

from collections.abc import Callable, Iterable
from typing import Any

import django_filters
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .models import Article, Event, Language, NameEntry, Outlet
from .models.names import NameEntryQuerySet
from .querysets import EventQuerySet
from .search.lists import Outcome, search_articles, search_events

_DATE_WIDGET = forms.DateInput(attrs={"type": "date"})


# The link "search instead for what was typed" sets this, so the query is not corrected.
AS_TYPED = "as_typed"


class _SearchField(forms.CharField):
    """The query as typed: the search reports its own problems (blank, too long, a NUL
    character) with the page, so the field neither strips it nor rejects NUL."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(strip=False, **kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]


class _SearchFilter(django_filters.CharFilter):
    field_class = _SearchField


# The API's schema (articles/api) reads the type of a filter's values from the model field it
# names, and events have no language or outlet of their own: both are said here, as strings.
_STRINGS = extend_schema_field(OpenApiTypes.STR)


class _CoverageFilterSet(django_filters.FilterSet):
    language = _STRINGS(
        django_filters.ModelMultipleChoiceFilter(
            label=_("Language"),
            field_name="language",
            # One condition per ticked language, OR-ed (events override this with AND).
            lookup_expr="exact",
            # The article's own column: no join can repeat a row, and a DISTINCT would make the
            # database sort every match, body and all, before it takes a page (1.4 s for the API's
            # articles in two languages at 100,000 articles).
            distinct=False,
            queryset=Language.objects.all(),
            widget=forms.CheckboxSelectMultiple,
        )
    )
    outlet = _STRINGS(
        django_filters.ModelChoiceFilter(
            label=_("Outlet"),
            field_name="outlet",
            lookup_expr="exact",
            queryset=Outlet.objects.all(),
            to_field_name="slug",
            empty_label=_("Any outlet"),
        )
    )
    q = _SearchFilter(
        label=_("Text"), field_name="search_text", lookup_expr="search", method="filter_text"
    )
    # What the search did (its problem, its correction), for the page; None without `q`.
    search_outcome: Outcome | None = None
    search: Callable[..., Outcome]  # the list's search (search_events or search_articles)

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # `q` is last in Meta.fields, so `queryset` already carries the other filters and the
        # search's cap applies within them.
        as_typed = self.data.get(AS_TYPED) == "1"
        self.search_outcome = self.search(queryset, value, as_typed=as_typed)
        return self.search_outcome.results


class EventFilter(_CoverageFilterSet):
    """Events: `language` narrows to events covered in every listed language."""

    search = staticmethod(search_events)

    date_after = django_filters.DateFilter(
        label=_("From"), field_name="date", lookup_expr="gte", widget=_DATE_WIDGET
    )
    date_before = django_filters.DateFilter(
        label=_("Until"), field_name="date", lookup_expr="lte", widget=_DATE_WIDGET
    )

    class Meta:
        model = Event
        fields = ["language", "date_after", "date_before", "outlet", "q"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["language"].method = "filter_languages"
        self.filters["outlet"].method = "filter_outlet"

    def filter_languages(
        self, queryset: EventQuerySet, name: str, value: Iterable[Language]
    ) -> EventQuerySet:
        return queryset.covered_in([language.code for language in value]) if value else queryset

    def filter_outlet(
        self, queryset: EventQuerySet, name: str, value: Outlet | None
    ) -> EventQuerySet:
        return queryset.covered_by_outlet(value.pk) if value else queryset


class ArticleFilter(_CoverageFilterSet):
    """Articles: `language` keeps articles in any listed language; dates are publication dates."""

    search = staticmethod(search_articles)

    date_after = django_filters.DateFilter(
        label=_("Published from"), field_name="published_on", lookup_expr="gte", widget=_DATE_WIDGET
    )
    date_before = django_filters.DateFilter(
        label=_("Published until"),
        field_name="published_on",
        lookup_expr="lte",
        widget=_DATE_WIDGET,
    )
    event = django_filters.ModelChoiceFilter(
        label=_("Event"),
        field_name="event",
        lookup_expr="exact",
        queryset=Event.objects.all(),
        to_field_name="slug",
        # A slug box, not a <select> listing every event in the archive.
        widget=forms.TextInput(attrs={"placeholder": _("event slug")}),
    )

    class Meta:
        model = Article
        fields = ["language", "date_after", "date_before", "outlet", "event", "q"]


class NameEntryFilter(django_filters.FilterSet):
    """The name register (the API's list): by kind, or by a spelling in any language."""

    kind = django_filters.ChoiceFilter(
        field_name="kind", lookup_expr="exact", choices=NameEntry.Kind.choices
    )
    spelling = django_filters.CharFilter(
        label=_("spelling"),
        field_name="variants__folded",
        lookup_expr="contains",
        method="by_spelling",
    )

    class Meta:
        model = NameEntry
        fields = ["kind", "spelling"]

    def by_spelling(self, queryset: NameEntryQuerySet, name: str, value: str) -> NameEntryQuerySet:
        return queryset.search(value)
