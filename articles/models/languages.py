"""The languages the archive holds articles in."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..validators import language_code_validator


class Language(models.Model):
    code = models.CharField(
        _("code"), max_length=35, primary_key=True, validators=[language_code_validator]
    )
    name = models.CharField(_("English name"), max_length=100)
    native_name = models.CharField(_("native name"), max_length=100)
    search_config = models.CharField(
        _("PostgreSQL text-search configuration"), max_length=63, default="simple"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name
