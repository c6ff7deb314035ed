"""Articles: one outlet's version of a story in one language, with its images."""

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..history import ArchiveHistory
from ..links import keyed_url
from ..querysets import ArticleQuerySet
from ..text import ComputedText, compute_text, normalise_body, split_paragraphs
from ..validators import HTTP_URL_REGEX, SHA256_REGEX, HttpURLField, sha256_validator


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    # event, outlet and language: no index of their own; the indexes in Meta lead with them
    # and serve the same lookups, so an insert maintains three fewer.
    event = models.ForeignKey(
        "articles.Event",
        models.SET_NULL,
        null=True,
        blank=True,
        db_index=False,
        related_name="articles",
        verbose_name=_("event"),
        help_text=_("Leave empty to keep the article in the inbox."),
    )
    outlet = models.ForeignKey(
        "articles.Outlet",
        models.PROTECT,
        null=True,
        blank=True,
        db_index=False,
        related_name="articles",
        verbose_name=_("outlet"),
        help_text=_("Empty when the capture does not name its publisher."),
    )
    outlet_evidence = models.CharField(
        _("outlet evidence"),
        max_length=300,
        blank=True,
        help_text=_("What in the capture identifies the outlet."),
    )
    language = models.ForeignKey(
        "articles.Language",
        models.PROTECT,
        db_index=False,
        related_name="articles",
        verbose_name=_("language"),
    )
    title = models.CharField(_("title"), max_length=500)
    title_derived = models.BooleanField(
        _("title derived"),
        default=False,
        help_text=_("The source has no title; this one was made from its first sentence."),
    )
    body = models.TextField(
        _("body"), help_text=_("Plain text; paragraphs separated by a blank line.")
    )
    published_on = models.DateField(
        _("published on"), null=True, blank=True, help_text=_("Empty when the source does not say.")
    )
    # NULL, not "", when unknown: the unique constraint must allow many unknown URLs.
    source_url = HttpURLField(_("source URL"), max_length=2000, null=True, blank=True)
    byline = models.CharField(_("byline"), max_length=300, blank=True)
    translation_of = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("translation of"),
    )
    body_sha256 = models.CharField(
        _("body SHA-256"), max_length=64, editable=False, validators=[sha256_validator]
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PUBLISHED)
    search_text = models.TextField(editable=False, blank=True)
    # What grouping proposes for an inbox article (articles.grouping.proposals): an existing
    # event, or a new one shared by the inbox articles with the same proposed_group.
    proposed_event = models.ForeignKey(
        "articles.Event",
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="proposed_articles",
        verbose_name=_("proposed event"),
    )
    proposed_group = models.CharField(
        _("proposed new event"), max_length=40, blank=True, editable=False
    )
    proposal_score = models.FloatField(_("proposal score"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()
    # Derived or computed by grouping (and recomputed by `propose_events`): not editors' work.
    history = ArchiveHistory(
        excluded_fields=["search_text", "proposed_event", "proposed_group", "proposal_score"],
        # A record's versions are found by its id; indexes on these would only slow imports.
        no_db_index=["event", "outlet", "language", "translation_of"],
    )

    class Meta:
        ordering = ["-published_on", "-created_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "-published_on"], name="article_status_date_idx"),
            models.Index(fields=["event", "status", "language"], name="article_event_lang_idx"),
            models.Index(fields=["language", "status"], name="article_language_idx"),
            models.Index(fields=["outlet", "status"], name="article_outlet_idx"),
            models.Index(
                fields=["outlet", "event"],
                condition=Q(status="published"),
                name="article_outlet_event_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source_url"],
                condition=Q(source_url__isnull=False),
                name="article_unique_source_url",
                violation_error_message=_("Another article already has this source URL."),
            ),
            models.CheckConstraint(
                condition=Q(source_url__isnull=True) | Q(source_url__regex=HTTP_URL_REGEX),
                name="article_source_url_http",
                violation_error_message=_("The source URL must be an http or https link."),
            ),
            models.CheckConstraint(
                condition=Q(body_sha256__regex=SHA256_REGEX),
                name="article_body_sha256_hex",
                violation_error_message=_("The body hash must be 64 lower-case hex digits."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(translation_of=models.F("pk")),
                name="article_not_translation_of_itself",
                violation_error_message=_("An article cannot be a translation of itself."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_computed_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return keyed_url("articles:article-detail", "pk", self.pk)

    def clean(self) -> None:
        # The hash and search text follow the body, so constraints see current values.
        self.refresh_computed_fields()

    def refresh_computed_fields(self) -> None:
        self.body = normalise_body(self.body)
        # clean() and save() both call this; fold the text once per change, not twice.
        if getattr(self, "_computed_from", None) != (self.title, self.body):
            self.use_computed_text(compute_text(self.title, self.body))

    def use_computed_text(self, computed: ComputedText) -> None:
        """Take values already computed from this title and body (the importer computes them
        in its reading workers); if the title or body changes, they are computed again."""
        self.body_sha256 = computed.body_sha256
        self.search_text = computed.search_text
        self._computed_from = (computed.title, computed.body)

    @property
    def paragraphs(self) -> list[str]:
        return split_paragraphs(self.body)


class ArticleImage(models.Model):
    article = models.ForeignKey(
        Article, models.CASCADE, related_name="images", verbose_name=_("article")
    )
    url = HttpURLField(
        _("URL"),
        max_length=2000,
        blank=True,
        help_text=_("Empty when the capture kept only the caption."),
    )
    caption = models.TextField(_("caption"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = ArchiveHistory()

    class Meta:
        ordering = ["article", "position", "pk"]
        verbose_name = _("article image")
        verbose_name_plural = _("article images")
        constraints = [
            models.CheckConstraint(
                condition=Q(url="") | Q(url__regex=HTTP_URL_REGEX),
                name="image_url_http",
                violation_error_message=_("An image URL must be an http or https link."),
            ),
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(caption=""),
                name="image_url_or_caption",
                violation_error_message=_("An image needs a URL or a caption."),
            ),
        ]

    def __str__(self) -> str:
        return self.caption or self.url


# Captures, the name register and the aligner live in their own modules; importing their
