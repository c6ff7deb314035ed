"""Pieces shared by the admin modules."""

from typing import TYPE_CHECKING, Any, Protocol

from django.contrib import admin
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import Article, Capture

if TYPE_CHECKING:
    # The mixins below only work mixed into a ModelAdmin; the type checker reads them as one,
    # while at run time they stay plain classes ahead of admin.ModelAdmin in the bases.
    ModelAdminMixinBase = admin.ModelAdmin[Any]
    ArticleAdminMixinBase = admin.ModelAdmin[Article]
else:
    ModelAdminMixinBase = ArticleAdminMixinBase = object

# A link typed without a scheme means https (Django 6's default; silences its 5.x warning).
HTTPS_URLS: dict[type[models.Field], dict[str, str]] = {models.URLField: {"assume_scheme": "https"}}


class PanelStyles:
    """The panel's own styles (static/css/admin.css), for admins whose HTML names them: the
    Content-Security-Policy refuses style attributes, so a class and the file stand in."""

    class Media:
        css = {"all": ["css/admin.css"]}


class CaptureDisplayMixin(PanelStyles):
    """Read-only views of a capture's bytes, shared by the capture admin and its inline."""

    @admin.display(description=_("size (bytes)"))
    def size(self, obj: Capture) -> int:
        return getattr(obj, "raw_size", None) or len(bytes(obj.raw))

    @admin.display(description=_("raw capture"))
    def raw_text(self, obj: Capture) -> str:
        # format_html escapes the capture: a captured script element is shown, never run.
        return format_html('<pre class="raw-capture">{}</pre>', obj.text)


class CountedRow(Protocol):
    """A row as `ArticleCountMixin.get_queryset` annotates it."""

    num_articles: int


class ArticleCountMixin(ModelAdminMixinBase):
    """An `article_count` column, sortable, for the admin of a model articles point at."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # A GROUP BY query ignores Meta.ordering; autocomplete pages need a stable order.
        queryset = super().get_queryset(request).annotate(num_articles=Count("articles"))
        return queryset.order_by(*self.model._meta.ordering)

    @admin.display(description=_("articles"), ordering="num_articles")
    def article_count(self, obj: CountedRow) -> int:
        return obj.num_articles
