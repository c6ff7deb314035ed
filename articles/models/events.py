"""Events: one happening, covered by articles in several languages."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..history import ArchiveHistory
from ..languages.folding import fold
from ..links import keyed_url
from ..querysets import EventQuerySet
from .redirects import EventRedirect


class Event(models.Model):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    date = models.DateField(_("date"), help_text=_("When the happening took place."))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    # Whether a published article belongs to the event. Kept by database triggers (migration
    # 0012) on every write to articles, bulk ones included, and recomputed whenever the event
    # row is written, so a stale value in memory cannot be saved over it. A column rather than
    # a subquery: at a million articles PostgreSQL misjudges how many events the subquery
    # keeps and lists deep pages by hashing every article.
    is_public = models.BooleanField(_("public"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()
    # The flag is the triggers' to keep, and the search text is derived: neither is history.
    history = ArchiveHistory(excluded_fields=["search_text", "is_public"])

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["-date", "title"], name="event_date_idx"),
            models.Index(
                # The id too: deep pages walk this index for their keys alone (index-only).
                fields=["-date", "title", "id"],
                condition=Q(is_public=True),
                name="event_public_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("date")),
                name="event_end_after_start",
                violation_error_message=_("The end date cannot be before the date."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_search_text()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return keyed_url("articles:event-detail", "slug", self.slug)

    def clean(self) -> None:
        # A merged event's old address redirects to the event it went into; an event taking
        # it would silently end that redirect and send old links to another happening.
        moved = EventRedirect.objects.filter(old_slug=self.slug).select_related("event").first()
        if moved is not None and moved.event_id != self.pk:
            raise ValidationError(
                {
                    "slug": _(
                        "This address belongs to an event merged into “%(event)s”; choose another."
                    )
                    % {"event": moved.event.title}
                }
            )

    def refresh_search_text(self) -> None:
        """save() calls this; bulk inserts, which bypass save(), call it themselves."""
        self.search_text = fold(" ".join([self.title, self.summary, self.place]))
