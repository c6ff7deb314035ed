"""Slugs of events merged into others: their old addresses answer with a permanent redirect."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..history import ArchiveHistory


class EventRedirect(models.Model):
    old_slug = models.SlugField(_("old slug"), max_length=200, unique=True)
    event = models.ForeignKey(
        "articles.Event", models.CASCADE, related_name="redirects", verbose_name=_("event")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = ArchiveHistory()

    class Meta:
        ordering = ["old_slug"]
        verbose_name = _("event redirect")
        verbose_name_plural = _("event redirects")

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.event_id}"
