"""Pieces shared by the admin modules."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import Capture

# A link typed without a scheme means https (Django 6's default; silences its 5.x warning).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class CaptureDisplayMixin:
    """Read-only views of a capture's bytes, shared by the capture admin and its inline."""

    @admin.display(description=_("size (bytes)"))
    def size(self, obj: Capture) -> int:
        return getattr(obj, "raw_size", None) or len(bytes(obj.raw))

    @admin.display(description=_("raw capture"))
    def raw_text(self, obj: Capture) -> str:
        # format_html escapes the capture: a captured <script> is shown, never run.
        return format_html('<pre style="white-space: pre-wrap">{}</pre>', obj.text)


class ArticleCountMixin:
    """An `article_count` column, sortable, for the admin of a model articles point at."""

    def get_queryset(self, request):
        # A GROUP BY query ignores Meta.ordering; autocomplete pages need a stable order.
        queryset = super().get_queryset(request).annotate(num_articles=Count("articles"))
        return queryset.order_by(*self.model._meta.ordering)

    @admin.display(description=_("articles"), ordering="num_articles")
    def article_count(self, obj: models.Model) -> int:
        return obj.num_articles
