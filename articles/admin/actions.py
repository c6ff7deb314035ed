"""Bulk actions on the article list: publish, unpublish, and assign to an event (through an
intermediate page where the editor picks the event)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..bulk_edits import assign_to_event, set_status
from ..models import Article, Event


@admin.action(description=_("Publish selected articles"), permissions=["change"])
def publish(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    count = set_status(articles=queryset, status=Article.Status.PUBLISHED)
    modeladmin.message_user(
        request,
        ngettext("%(n)d article published.", "%(n)d articles published.", count) % {"n": count},
        messages.SUCCESS,
    )


@admin.action(description=_("Unpublish selected articles (back to draft)"), permissions=["change"])
def unpublish(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    count = set_status(articles=queryset, status=Article.Status.DRAFT)
    modeladmin.message_user(
        request,
        ngettext("%(n)d article set to draft.", "%(n)d articles set to draft.", count)
        % {"n": count},
        messages.SUCCESS,
    )


class AssignEventForm(forms.Form):
    def __init__(self, *args: object, admin_site: admin.AdminSite, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # The admin's own event search: a select of every event would not fit the page.
        widget = AutocompleteSelect(Article._meta.get_field("event"), admin_site)
        self.fields["event"] = forms.ModelChoiceField(
            Event.objects.all(), label=_("event"), widget=widget
        )


@admin.action(description=_("Assign selected articles to an event…"), permissions=["change"])
def assign_event(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> TemplateResponse | None:
    site = modeladmin.admin_site
    if "apply" in request.POST:
        form = AssignEventForm(request.POST, admin_site=site)
        if form.is_valid():
            event = form.cleaned_data["event"]
            count = assign_to_event(articles=queryset.select_related("language"), event=event)
            modeladmin.message_user(
                request,
                ngettext(
                    "%(n)d article moved to “%(event)s”.",
                    "%(n)d articles moved to “%(event)s”.",
                    count,
                )
                % {"n": count, "event": event.title},
                messages.SUCCESS,
            )
            return None
    else:
        form = AssignEventForm(admin_site=site)
    context = {
        **site.each_context(request),
        "opts": modeladmin.model._meta,
        "title": _("Assign articles to an event"),
        "form": form,
        "articles": queryset.select_related("event"),
        "action_checkbox_name": ACTION_CHECKBOX_NAME,
        "media": modeladmin.media + form.media,
    }
    return TemplateResponse(request, "admin/articles/article/assign_event.html", context)
