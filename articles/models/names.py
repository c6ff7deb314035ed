"""The name register: people, places and organisations, their spellings, and where they
are mentioned."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..history import ArchiveHistory
from ..languages.folding import match_key
from ..links import keyed_url


class NameEntryQuerySet(models.QuerySet):
    def search(self, query: str) -> "NameEntryQuerySet":
        """Entries whose name or any spelling contains `query` (spellings ignore accents)."""
        in_spellings = models.Q(variants__folded__contains=match_key(query))
        return self.filter(models.Q(name__icontains=query) | in_spellings).distinct()


class NameEntry(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("person")
        PLACE = "place", _("place")
        ORGANISATION = "organisation", _("organisation")

    name = models.CharField(_("canonical name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NameEntryQuerySet.as_manager()
    history = ArchiveHistory()

    class Meta:
        app_label = "articles"
        ordering = ["name"]
        verbose_name = _("name entry")
        verbose_name_plural = _("name entries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["person", "place", "organisation"]),
                name="nameentry_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return keyed_url("articles:name-detail", "slug", self.slug)


class NameVariant(models.Model):
    entry = models.ForeignKey(
        NameEntry, models.CASCADE, related_name="variants", verbose_name=_("entry")
    )
    spelling = models.CharField(_("spelling"), max_length=200)
    language = models.ForeignKey(
        "articles.Language",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="name_variants",
        verbose_name=_("language"),
        help_text=_("Empty when the spelling is used in any language."),
    )
    folded = models.CharField(
        _("folded spelling"),
        max_length=200,
        editable=False,
        help_text=_("Lower case without diacritics; what matching compares."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = ArchiveHistory(excluded_fields=["folded"])  # follows the spelling

    class Meta:
        app_label = "articles"
        ordering = ["entry", "spelling"]
        verbose_name = _("name variant")
        verbose_name_plural = _("name variants")
        indexes = [models.Index(fields=["folded"], name="namevariant_folded_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "folded"],
                name="namevariant_unique_per_entry",
                violation_error_message=_("This entry already has this spelling."),
            ),
            models.CheckConstraint(
                condition=~models.Q(folded=""),
                name="namevariant_folded_not_empty",
                violation_error_message=_("A spelling needs at least one letter."),
            ),
        ]

    def __str__(self) -> str:
        return self.spelling

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.folded = match_key(self.spelling)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        # Set before validation so the unique (entry, folded) check sees the real value.
        self.folded = match_key(self.spelling)


class ArticleName(models.Model):
    """A name entry mentioned in an article, with how often; rebuilt by `link_article_names`."""

    # No index of its own: articlename_unique leads with it.
    article = models.ForeignKey(
        "articles.Article",
        models.CASCADE,
        db_index=False,
        related_name="name_links",
        verbose_name=_("article"),
    )
    entry = models.ForeignKey(
        NameEntry, models.CASCADE, related_name="article_links", verbose_name=_("entry")
    )
    count = models.PositiveIntegerField(_("mentions"), default=1)

    class Meta:
        app_label = "articles"
        ordering = ["article", "-count", "entry"]
        verbose_name = _("name in article")
        verbose_name_plural = _("names in articles")
        constraints = [
            models.UniqueConstraint(fields=["article", "entry"], name="articlename_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.entry} ({self.count})"
