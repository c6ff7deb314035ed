"""Stored alignments: computed rows per event, and the corrections editors make to them.

Both refer to the articles they were made for by a fingerprint of their body hashes, so a
stored alignment is known to be current without reading any body, and a correction is
never applied to text it was not written for.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..history import ArchiveHistory
from ..validators import sha256_validator


class EventAlignment(models.Model):
    """The rows of an event's side-by-side reader, as last computed (or corrected)."""

    class Source(models.TextChoices):
        COMPUTED = "computed", _("computed")
        CORRECTED = "corrected", _("editor's correction")

    event = models.OneToOneField(
        "articles.Event", models.CASCADE, related_name="alignment", verbose_name=_("event")
    )
    fingerprint = models.CharField(
        _("fingerprint"), max_length=64, validators=[sha256_validator],
        help_text=_("SHA-256 of the pivot and of each participating article's body hash."),
    )  # fmt: skip
    algorithm = models.CharField(_("algorithm version"), max_length=40)
    pivot = models.ForeignKey(
        "articles.Article", models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("pivot article"),
    )  # fmt: skip
    # Empty when the event has no published article left: nothing to align, stored as such.
    versions = models.JSONField(
        _("versions"), default=list, blank=True,
        help_text=_("The participating articles in column order: id, language, body hash."),
    )  # fmt: skip
    rows = models.JSONField(_("rows"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source, default=Source.COMPUTED)
    computed_at = models.DateTimeField(_("computed"), auto_now=True)

    class Meta:
        verbose_name = _("event alignment")
        verbose_name_plural = _("event alignments")

    def __str__(self) -> str:
        return str(self.event)


class AlignmentCorrection(models.Model):
    """An editor's rows for an event; used while the bodies it was written for are unchanged."""

    event = models.OneToOneField(
        "articles.Event", models.CASCADE, related_name="alignment_correction",
        verbose_name=_("event"),
    )  # fmt: skip
    fingerprint = models.CharField(_("fingerprint"), max_length=64, validators=[sha256_validator])
    versions = models.JSONField(_("versions"), default=list)
    rows = models.JSONField(_("rows"), default=list)
    note = models.TextField(_("note"), blank=True)
    stale = models.BooleanField(
        _("stale"), default=False,
        help_text=_("An article changed since the correction was made; it is not applied."),
    )  # fmt: skip
    stale_reason = models.CharField(_("why stale"), max_length=300, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("edited by"),
    )  # fmt: skip
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = ArchiveHistory()

    class Meta:
        verbose_name = _("alignment correction")
        verbose_name_plural = _("alignment corrections")

    def __str__(self) -> str:
        return str(self.event)
