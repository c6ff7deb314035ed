"""What the API and the per-event JSON export say about each record: public fields only."""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.alignment.event_alignments import stored_rows
from articles.event_page.rows import Cell, build_rows
from articles.models import (
    Article,
    ArticleImage,
    Capture,
    Event,
    Language,
    NameEntry,
    NameVariant,
    Outlet,
)


@extend_schema_field(OpenApiTypes.URI)
class PageField(serializers.Field):
    """The record's page on the site, as an absolute URL."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Any) -> str:
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


class LanguageSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:language-detail", lookup_field="code")

    class Meta:
        model = Language
        fields = ["code", "name", "native_name", "position", "url"]


class OutletSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:outlet-detail", lookup_field="slug")
    page = PageField()
    article_count = serializers.IntegerField(read_only=True, help_text="Published articles.")
    event_count = serializers.IntegerField(read_only=True, help_text="Events they cover.")

    class Meta:
        model = Outlet
        fields = ["slug", "name", "homepage", "country", "url", "page"]
        fields += ["article_count", "event_count"]


class OutletNameSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["slug", "name"]


class ImageSerializer(serializers.ModelSerializer):
    class Meta:
        model = ArticleImage
        fields = ["url", "caption", "position"]


class CaptureSerializer(serializers.ModelSerializer):
    class Meta:
        model = Capture
        fields = ["sha256", "kind", "imported_at"]


class ArticleSerializer(serializers.ModelSerializer):
    """An article in full: its reading copy as paragraphs, its images and where it came from."""

    url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")
    page = PageField()
    language = serializers.CharField(source="language_id", read_only=True)
    outlet = OutletNameSerializer(read_only=True, allow_null=True)
    event: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    translation_of = serializers.SerializerMethodField(
        help_text="The id of the published article this one translates."
    )
    paragraphs = serializers.ListField(child=serializers.CharField(), read_only=True)
    images = ImageSerializer(many=True, read_only=True)
    captures = CaptureSerializer(
        many=True, read_only=True, help_text="The raw captures it was read from, newest first."
    )

    class Meta:
        model = Article
        fields = ["id", "url", "page", "title", "title_derived", "language", "outlet", "event"]
        fields += ["published_on", "source_url", "byline", "translation_of", "body_sha256"]
        fields += ["paragraphs", "images", "captures", "created_at", "updated_at"]

    def get_translation_of(self, article: Article) -> int | None:
        original = article.translation_of
        # A draft original stays hidden: not even its id is published.
        if original is None or original.status != Article.Status.PUBLISHED:
            return None
        return original.pk


class ArticleBriefSerializer(serializers.ModelSerializer):
    """An article as an event list names it (see EventQuerySet.with_coverage)."""

    url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")
    language = serializers.CharField(source="language_id", read_only=True)
    outlet = OutletNameSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Article
        fields = ["id", "url", "title", "language", "outlet", "published_on"]


class _EventFields(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:event-detail", lookup_field="slug")
    page = PageField()

    class Meta:
        model = Event
        fields = ["slug", "url", "page", "title", "summary", "date", "end_date", "place"]


class EventSerializer(_EventFields):
    """An event in a list: its languages and its articles, without their texts."""

    languages = serializers.SerializerMethodField(help_text="Its versions' languages, in order.")
    articles = ArticleBriefSerializer(source="coverage", many=True, read_only=True)

    class Meta(_EventFields.Meta):
        fields = [*_EventFields.Meta.fields, "languages", "articles"]

    def get_languages(self, event: Event) -> list[str]:
        coverage = event.coverage  # type: ignore[attr-defined]  # EventQuerySet.with_coverage
        return list(dict.fromkeys(article.language_id for article in coverage))


class CellSerializer(serializers.Serializer):
    article = serializers.IntegerField(source="article.pk")
    language = serializers.CharField(source="article.language_id")
    paragraphs = serializers.SerializerMethodField(
        help_text="Indexes into the article's paragraphs; empty: not in this version."
    )

    def get_paragraphs(self, cell: Cell) -> list[int]:
        return [paragraph.index for paragraph in cell.paragraphs]


class RowSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="Stable while the articles do not change.")
    cells = CellSerializer(many=True, help_text="One per article, in the articles' order.")


class EventDetailSerializer(_EventFields):
    """An event with its articles in full and the aligned rows of the event page."""

    articles = ArticleSerializer(source="versions", many=True, read_only=True)
    rows = serializers.SerializerMethodField(
        help_text="Paragraphs that say the same thing, one row each, as on the event page."
    )

    class Meta(_EventFields.Meta):
        fields = [*_EventFields.Meta.fields, "articles", "rows"]

    @extend_schema_field(RowSerializer(many=True))
    def get_rows(self, event: Event) -> Any:
        versions = event.versions  # type: ignore[attr-defined]  # with_full_versions
        rows = build_rows(versions, versions, stored_rows(event, versions))
        return RowSerializer(rows, many=True).data


class SpellingSerializer(serializers.ModelSerializer):
    language = serializers.CharField(
        source="language_id", read_only=True, allow_null=True, help_text="Null: any language."
    )

    class Meta:
        model = NameVariant
        fields = ["spelling", "language"]


class NameEntrySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:name-detail", lookup_field="slug")
    page = PageField()
    spellings = SpellingSerializer(source="variants", many=True, read_only=True)

    class Meta:
        model = NameEntry
        fields = ["slug", "url", "page", "name", "kind", "description", "spellings"]
