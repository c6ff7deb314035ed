"""Forms whose slug an editor may leave blank: the server makes it (articles/slugs.py).

Django's prepopulated slug is made in the browser by URLify, whose tables lack most
Vietnamese letters ("Hà Nội" became "ha-ni"); the server folds every language's letters the
one way the importer and grouping do."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Event, NameEntry, Outlet
from ..slugs import event_slug, name_slug, outlet_slug

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


class MadeSlugForm(forms.ModelForm):
    blank_slug_help: "StrOrPromise" = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = self.blank_slug_help

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("slug"):
            made = self.made_slug(data)
            if made:
                data["slug"] = made
        return data

    def made_slug(self, data: dict[str, Any]) -> str | None:
        """The slug for these values, or None while what it is made from is missing."""
        raise NotImplementedError


class EventForm(MadeSlugForm):
    blank_slug_help = _("Leave it blank to make it from the title and the date.")

    class Meta:
        model = Event
        fields = ["title", "slug", "summary", "date", "end_date", "place"]

    def made_slug(self, data: dict[str, Any]) -> str | None:
        title, on = data.get("title"), data.get("date")
        return event_slug(title, on) if title and on else None


class OutletForm(MadeSlugForm):
    blank_slug_help = _("Leave it blank to make it from the name.")

    class Meta:
        model = Outlet
        # OutletAdmin.fields adds the homepage, made with its https default there.
        fields = ["name", "slug", "country"]

    def made_slug(self, data: dict[str, Any]) -> str | None:
        return outlet_slug(data["name"]) if data.get("name") else None


class NameEntryForm(MadeSlugForm):
    blank_slug_help = _("Leave it blank to make it from the name.")

    class Meta:
        model = NameEntry
        fields = ["name", "kind", "slug", "description"]

    def made_slug(self, data: dict[str, Any]) -> str | None:
        return name_slug(data["name"]) if data.get("name") else None
