"""Admin actions that reshape events: merge two events (on the event list) and split
articles out into a new event (on the article list). The work is `articles.editing`'s;
these only check the selection, ask which event survives, and report."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..editing.merging import merge_events
from ..editing.splitting import split_event
from ..models import Article, Event

MERGE_TEMPLATE = "admin/articles/event/merge_events.html"


@admin.action(description=gettext_lazy("Merge the two selected events"), permissions=["change"])
def merge_selected_events(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Event]
) -> TemplateResponse | None:
    events = list(queryset.order_by("date", "pk"))
    if len(events) != 2:
        message = _("Select exactly two events to merge (%(n)d selected).") % {"n": len(events)}
        modeladmin.message_user(request, message, messages.ERROR)
        return None
    survivor = next((e for e in events if str(e.pk) == request.POST.get("survivor")), None)
    if survivor is None:
        return _ask_survivor(modeladmin, request, events)
    merged = events[1] if survivor is events[0] else events[0]
    try:
        moved = merge_events(survivor=survivor, merged=merged)
    except ValidationError as error:
        modeladmin.message_user(request, "; ".join(error.messages), messages.ERROR)
        return None
    done = ngettext(
        "Merged “%(merged)s” into “%(survivor)s”: %(n)d article moved; "
        "its address now redirects there.",
        "Merged “%(merged)s” into “%(survivor)s”: %(n)d articles moved; "
        "its address now redirects there.",
        moved,
    )
    modeladmin.message_user(
        request, done % {"merged": merged.title, "survivor": survivor.title, "n": moved},
        messages.SUCCESS,
    )  # fmt: skip
    return None


def _ask_survivor(
    modeladmin: admin.ModelAdmin, request: HttpRequest, events: list[Event]
) -> TemplateResponse:
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.model._meta,
        "title": _("Merge two events"),
        "events": events,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, MERGE_TEMPLATE, context)


@admin.action(
    description=gettext_lazy("Split the selected articles into a new event"), permissions=["change"]
)
def split_into_new_event(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[Article]
) -> None:
    articles = list(queryset.select_related("language").order_by("pk"))
    try:
        event = split_event(articles)
    except ValidationError as error:
        modeladmin.message_user(request, "; ".join(error.messages), messages.ERROR)
        return
    url = reverse("admin:articles_event_change", args=[event.pk])
    done = ngettext(
        "Moved %(n)d article into the new event “%(event)s”, dated %(date)s from its own data.",
        "Moved %(n)d articles into the new event “%(event)s”, dated %(date)s from their own data.",
        len(articles),
    )
    text = done % {"n": len(articles), "event": event.title, "date": event.date.isoformat()}
    modeladmin.message_user(
        request, format_html('<a href="{}">{}</a>', url, text), messages.SUCCESS
    )
