"""The outlets articles come from, with how many articles each has."""

from django.contrib import admin

from ..models import Outlet
from .common import HTTPS_URLS, ArticleCountMixin
from .history import HistoryAdminMixin
from .slug_forms import OutletForm


@admin.register(Outlet)
class OutletAdmin(HistoryAdminMixin, ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "homepage", "country", "article_count"]
    search_fields = ["name", "slug", "homepage"]
    form = OutletForm
    # Listed here, the admin builds the homepage field with its https default (HTTPS_URLS).
    fields = ["name", "slug", "homepage", "country"]

    formfield_overrides = HTTPS_URLS
