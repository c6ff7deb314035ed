"""Read-side query methods for the archive's models, chainable and exposed as managers."""

from typing import TYPE_CHECKING, cast

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.db.models.functions import Coalesce

if TYPE_CHECKING:
    from .models import Event


def _model(name: str) -> type[models.Model]:
    # The models use these querysets as their managers, so this module cannot import them;
    # the app registry hands them over once they are loaded.
    return apps.get_model("articles", name)


class ArticleQuerySet(models.QuerySet):
    def published(self) -> "ArticleQuerySet":
        return self.filter(status="published")

    def for_listing(self) -> "ArticleQuerySet":
        return self.select_related("language", "outlet", "event").defer("body", "search_text")

    def newest_first(self) -> "ArticleQuerySet":
        """Latest publication date first, undated articles last, on every database (the
        order of PostgreSQL's partial index article_newest_idx, migration 0011)."""
        return self.order_by(models.F("published_on").desc(nulls_last=True), "-pk")

    def in_reading_order(self) -> "ArticleQuerySet":
        """By language, an original before its translations, then the earliest published.

        Nulls are placed explicitly so the order is the same on every database.
        """
        return self.order_by(
            "language__position",
            "language__code",
            models.F("translation_of").asc(nulls_first=True),
            models.F("published_on").asc(nulls_last=True),
            "pk",
        )

    def in_full(self) -> "ArticleQuerySet":
        """Everything an article's open record shows (articles/api): language, outlet, event,
        the article it translates, images and its captures' hashes (not their bytes)."""
        captures = _model("Capture")._default_manager.only(
            "id", "article", "sha256", "kind", "imported_at"
        )
        return (
            self.select_related("language", "outlet", "event", "translation_of")
            .defer("search_text", "translation_of__body", "translation_of__search_text")
            .prefetch_related("images", Prefetch("captures", queryset=captures))
        )

    def event_versions(self, event: "Event") -> "ArticleQuerySet":
        """An event's versions: its published articles in reading order, each one column of
        the event page, of its alignment and of its comparison."""
        return self.published().filter(event=event).select_related("language").in_reading_order()


def _published_articles() -> ArticleQuerySet:
    # The manager is ArticleQuerySet.as_manager(); the registry only knows it as a Model's.
    return cast(ArticleQuerySet, _model("Article")._default_manager.all()).published()


def published_articles_of(event_ref: OuterRef | str = "pk") -> ArticleQuerySet:
    return _published_articles().filter(event=OuterRef(event_ref))


class EventQuerySet(models.QuerySet):
    def public(self) -> "EventQuerySet":
        """Events with at least one published article: drafts alone never surface an event
        (the database keeps `is_public`, see Event)."""
        return self.filter(is_public=True)

    def newest_first(self) -> "EventQuerySet":
        """Latest date first, ties by title then id (the order of event_public_idx)."""
        return self.order_by("-date", "title", "id")

    def covered_in(self, codes: list[str]) -> "EventQuerySet":
        """Events covered in every one of the languages `codes` (not merely any of them)."""
        qs = self
        for code in dict.fromkeys(codes):
            qs = qs.filter(Exists(published_articles_of().filter(language=code)))
        return qs

    def covered_by_outlet(self, outlet_id: int) -> "EventQuerySet":
        # By id, not slug: no join to outlets inside the subquery, so PostgreSQL can start
        # from the outlet's own articles (article_outlet_idx) instead of from every event.
        return self.filter(Exists(published_articles_of().filter(outlet_id=outlet_id)))

    def mentioning(self, entry_id: int) -> "EventQuerySet":
        """Events with a published article that names the register entry, in any spelling."""
        links = _model("ArticleName")._default_manager.filter(
            entry_id=entry_id, article__event=OuterRef("pk"), article__status="published"
        )
        return self.filter(Exists(links))

    def with_full_versions(self) -> "EventQuerySet":
        """Prefetch each event's published articles in reading order, in full, as `versions`."""
        articles = _published_articles().in_full().in_reading_order()
        return self.prefetch_related(Prefetch("articles", queryset=articles, to_attr="versions"))

    def with_coverage(self) -> "EventQuerySet":
        """Prefetch the published articles (without bodies) that list pages summarise."""
        articles = (
            _published_articles()
            .select_related("language", "outlet")
            .only(
                "id",
                "event_id",
                "title",
                "published_on",
                "language",
                "outlet",
                "language__code",
                "language__name",
                "language__native_name",
                "language__position",
                "outlet__name",
                "outlet__slug",
            )
            .in_reading_order()
        )
        return self.prefetch_related(Prefetch("articles", queryset=articles, to_attr="coverage"))


class OutletQuerySet(models.QuerySet):
    def with_article_counts(self) -> "OutletQuerySet":
        """Each outlet's published articles and the events they cover.

        Correlated subqueries, not a join grouped over every article: PostgreSQL computes
        them only for the rows a page shows (after ORDER BY ... LIMIT), so a page of 50
        outlets costs 50 small index lookups whatever the archive's size."""
        # Both counts read only the partial index article_outlet_event_idx (outlet, event).
        articles = _published_articles().filter(outlet=OuterRef("pk")).order_by()
        return self.annotate(
            article_count=_count_of(articles, models.Count("*")),
            event_count=_count_of(articles, models.Count("event", distinct=True)),
        )


def _count_of(rows: models.QuerySet, aggregate: models.Aggregate) -> Coalesce:
    counted = rows.annotate(group=models.Value(1)).values("group").annotate(n=aggregate)
    # No rows, no group: the subquery gives NULL where the count is 0.
    return Coalesce(models.Subquery(counted.values("n")), 0, output_field=models.IntegerField())
