"""FilterSets for the public lists: one per list, each filter explicit about its field."""

from collections.abc import Iterable
from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Article, Event, Language, Outlet
from .querysets import ArticleQuerySet, EventQuerySet

_DATE_WIDGET = forms.DateInput(attrs={"type": "date"})


class _CoverageFilterSet(django_filters.FilterSet):
    language = django_filters.ModelMultipleChoiceFilter(
        label=_("Language"),
        field_name="language",
        # One condition per ticked language, OR-ed (events override this with AND).
        lookup_expr="exact",
        queryset=Language.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    outlet = django_filters.ModelChoiceFilter(
        label=_("Outlet"),
        field_name="outlet",
        lookup_expr="exact",
        queryset=Outlet.objects.all(),
        to_field_name="slug",
        empty_label=_("Any outlet"),
    )
    q = django_filters.CharFilter(
        label=_("Text"), field_name="search_text", lookup_expr="contains", method="filter_text"
    )

    def filter_text(
        self, queryset: ArticleQuerySet | EventQuerySet, name: str, value: str
    ) -> ArticleQuerySet | EventQuerySet:
        return queryset.search(value)


class EventFilter(_CoverageFilterSet):
    """Events: `language` narrows to events covered in every listed language."""

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
