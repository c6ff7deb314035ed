"""What the page cache keys public pages by: a stamp per scope that the database itself
changes whenever content in that scope is written (articles.page_cache says which writes)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    class Scope(models.TextChoices):
        # Everything a public list, the home page, an outlet, name or article page shows.
        ARCHIVE = "archive", _("archive")
        # Shared records an event's reader shows without them being its own rows: outlets,
        # languages and the name register, changed or deleted (never merely added to).
        VOCABULARY = "vocabulary", _("vocabulary")

    scope = models.CharField(_("scope"), max_length=20, primary_key=True, choices=Scope)
    # Random rather than counted: a restored backup or a rolled-back test cannot bring back
    # a stamp that pages were once cached under.
    stamp = models.BigIntegerField(_("stamp"))
    changed_at = models.DateTimeField(_("changed"))

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self) -> str:
        return f"{self.scope}: {self.stamp}"
