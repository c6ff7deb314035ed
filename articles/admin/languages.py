"""The languages the archive holds."""

from django.contrib import admin

from ..models import Language


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "native_name", "search_config"]
    search_fields = ["code", "name", "native_name"]
