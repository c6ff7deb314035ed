"""The API's views: read-only, each list in the order and with the filters of its page."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework.serializers import BaseSerializer
from rest_framework.viewsets import ReadOnlyModelViewSet

from articles.filters import ArticleFilter, EventFilter, NameEntryFilter
from articles.models import Article, Event, Language, NameEntry, NameVariant, Outlet

from .filtering import StrictFilterBackend
from .pagination import ArticlePagination, EventPagination, RegisterPagination
from .serializers import (
    ArticleSerializer,
    EventDetailSerializer,
    EventSerializer,
    LanguageSerializer,
    NameEntrySerializer,
    OutletSerializer,
)


class _ReadOnly(ReadOnlyModelViewSet):
    filter_backends = [StrictFilterBackend]


# Descriptions and examples for the documentation (schemathesis tries the examples first).
_COVERAGE_PARAMETERS = extend_schema(
    parameters=[
        OpenApiParameter(
            "language",
            OpenApiTypes.STR,
            many=True,
            description="A language code; repeat it for several.",
            examples=[OpenApiExample("Indonesian and English", value=["id", "en"])],
        ),
        OpenApiParameter("outlet", OpenApiTypes.STR, description="An outlet's slug."),
        OpenApiParameter(
            "q",
            OpenApiTypes.STR,
            description='Words, "a phrase", or a name in any spelling the register keeps.',
            examples=[OpenApiExample("A name", value="Chen Gang")],
        ),
    ]
)


@extend_schema_view(list=_COVERAGE_PARAMETERS)
class EventViewSet(_ReadOnly):
    """Public events, newest first. `language` (repeatable) keeps events covered in every
    listed language; `date_after`/`date_before` bound the event's date (inclusive); `outlet`
    an outlet's slug; `q` searches every language, best matches first. One event holds its
    articles in full and its aligned rows."""

    lookup_field = "slug"
    filterset_class = EventFilter
    pagination_class = EventPagination

    def get_queryset(self) -> QuerySet[Event]:
        events = Event.objects.public().newest_first()
        return events.with_full_versions() if self.action == "retrieve" else events.with_coverage()

    def get_serializer_class(self) -> type[BaseSerializer]:
        return EventDetailSerializer if self.action == "retrieve" else EventSerializer


@extend_schema_view(list=_COVERAGE_PARAMETERS)
class ArticleViewSet(_ReadOnly):
    """Published articles, newest first (unknown dates last). `language` (repeatable) keeps
    articles in any listed language; `date_after`/`date_before` bound the publication date
    (an unknown date is outside every range); `outlet`, `event` are slugs; `q` searches."""

    filterset_class = ArticleFilter
    pagination_class = ArticlePagination
    serializer_class = ArticleSerializer

    def get_queryset(self) -> QuerySet[Article]:
        return Article.objects.published().in_full().newest_first()


class OutletViewSet(_ReadOnly):
    """Outlets by name, with how many published articles and events each has."""

    lookup_field = "slug"
    pagination_class = RegisterPagination
    serializer_class = OutletSerializer

    def get_queryset(self) -> QuerySet[Outlet]:
        return Outlet.objects.with_article_counts().order_by("name")


class LanguageViewSet(_ReadOnly):
    """The archive's languages, in the order the site lists them (a short list: one page)."""

    lookup_field = "code"
    pagination_class = None
    serializer_class = LanguageSerializer
    queryset = Language.objects.all()


class NameEntryViewSet(_ReadOnly):
    """The name register: people, places and organisations with every spelling editors keep.
    `kind` narrows it; `spelling` finds entries with a spelling containing it (accents ignored)."""

    lookup_field = "slug"
    filterset_class = NameEntryFilter
    pagination_class = RegisterPagination
    serializer_class = NameEntrySerializer

    def get_queryset(self) -> QuerySet[NameEntry]:
        spellings = Prefetch("variants", queryset=NameVariant.objects.order_by("spelling"))
        # As in articles/views/names.py: the as_manager() stubs reject a Prefetch.
        entries = NameEntry.objects.prefetch_related(spellings)  # type: ignore[arg-type]
        return entries.order_by("name", "id")


def event_export_json(request: HttpRequest, slug: str) -> JsonResponse:
    """/events/<slug>/export.json: the API's record of one event, as a file to keep."""
    event = get_object_or_404(Event.objects.public().with_full_versions(), slug=slug)
    data: Any = EventDetailSerializer(event, context={"request": request}).data
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.json"'
    return response
