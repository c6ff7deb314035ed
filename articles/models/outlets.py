"""The outlets that publish the articles."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..history import ArchiveHistory
from ..links import keyed_url
from ..querysets import OutletQuerySet
from ..validators import HTTP_URL_REGEX, HttpURLField


class Outlet(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    homepage = HttpURLField(_("homepage"), max_length=500, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)

    objects = OutletQuerySet.as_manager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["name"]
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        constraints = [
            models.CheckConstraint(
                condition=Q(homepage="") | Q(homepage__regex=HTTP_URL_REGEX),
                name="outlet_homepage_http",
                violation_error_message=_("The homepage must be an http or https link."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return keyed_url("articles:outlet-detail", "slug", self.slug)
