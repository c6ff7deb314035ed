"""The outlets articles come from, with how many articles each has."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from ..models import Outlet
from .common import HTTPS_URLS


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "homepage", "country", "article_count"]
    search_fields = ["name", "slug", "homepage"]
    prepopulated_fields = {"slug": ["name"]}

    formfield_overrides = HTTPS_URLS

    def get_queryset(self, request):
        queryset = super().get_queryset(request).annotate(num_articles=Count("articles"))
        return queryset.order_by(*Outlet._meta.ordering)

    @admin.display(description=_("articles"), ordering="num_articles")
    def article_count(self, obj: Outlet) -> int:
        return obj.num_articles
