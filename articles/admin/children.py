"""Images and spellings on pages of their own, for their history: each change to one is
listed with who and why, shown as a diff and restorable, as for the records they belong to.
They are added in their article's or entry's form (the inlines link here), not on their own."""

from django.contrib import admin
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest

from ..models import ArticleImage, NameVariant
from ..refresh import refresh_events, refresh_for_entry
from .common import HTTPS_URLS
from .history import HistoryAdminMixin
from .thumbnails import ImageThumbnailMixin


class ChildAdmin(HistoryAdminMixin, admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # in the parent's form, where it belongs

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        self.refresh(obj)

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        super().delete_model(request, obj)
        self.refresh(obj)

    def refresh(self, obj: Model) -> None:
        raise NotImplementedError


@admin.register(ArticleImage)
class ArticleImageAdmin(ImageThumbnailMixin, ChildAdmin):
    list_display = ["__str__", "image_thumbnail", "article", "position"]
    list_select_related = ["article"]
    search_fields = ["url", "caption", "article__title"]
    fields = ["article", "position", "image_thumbnail", "url", "caption"]
    readonly_fields = ["article", "image_thumbnail"]
    formfield_overrides = HTTPS_URLS

    def refresh(self, obj: Model) -> None:
        assert isinstance(obj, ArticleImage)
        # The reader shows the event's images: its cached pages must change.
        refresh_events({obj.article.event_id})


@admin.register(NameVariant)
class NameVariantAdmin(ChildAdmin):
    list_display = ["spelling", "entry", "language"]
    list_select_related = ["entry"]
    list_filter = ["language"]
    search_fields = ["spelling", "entry__name"]
    fields = ["entry", "spelling", "language", "folded"]
    readonly_fields = ["entry", "folded"]

    def refresh(self, obj: Model) -> None:
        assert isinstance(obj, NameVariant)
        refresh_for_entry(obj.entry)  # a spelling changed: relink the articles it names
