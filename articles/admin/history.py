"""Change history in the editors' panel: the versions of a record, what each changed, and
restoring one. Shared by the admins of every model with a history (articles/history.py).

The list is django-simple-history's (`<id>/history/`); a version's own page
(`<id>/history/<version>/`), which simple-history uses for its revert form, shows here what
that version changed (or how it differs from the record now) and restores it on POST through
`articles.editing.restoring`, so a restore refreshes what pages read exactly like an edit.
"""

from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from ..editing.diffs import field_changes
from ..editing.restoring import restore_version

if TYPE_CHECKING:
    # simple-history ships no type information: the checker reads its admin as Django's.
    HistoryAdminBase = admin.ModelAdmin[Any]
else:
    HistoryAdminBase = SimpleHistoryAdmin


class HistoryAdminMixin(HistoryAdminBase):
    object_history_template = "admin/articles/history/object_history.html"
    object_history_list_template = "admin/articles/history/object_history_list.html"
    version_template = "admin/articles/history/version.html"
    history_list_per_page = 50

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        self._pk(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        record = self._record(object_id, version_id)
        current = self.get_queryset(request).filter(pk=record.instance.pk).first()
        if not self.has_view_or_change_permission(request, current):
            raise PermissionDenied
        if request.method == "POST":
            return self._restore(request, record, current)
        against_current = request.GET.get("against") == "current"
        # Against the record now, the changes read as what restoring would do.
        older = current if against_current else record.prev_record
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Version of %(date)s") % {"date": _when(record)},
            "record": record,
            "current": current,
            "against_current": against_current,
            "changes": field_changes(self.model, older, record),
            "can_restore": self.has_change_permission(request, current),
        }
        return TemplateResponse(request, self.version_template, context)

    def _record(self, object_id: str, version_id: str) -> Any:
        if not version_id.isdigit():
            raise Http404
        pk_name = self.model._meta.pk.attname
        return get_object_or_404(
            self.model.history, **{pk_name: self._pk(object_id), "history_id": version_id}
        )

    def _pk(self, object_id: str) -> Any:
        """The primary key the URL names; 404, not a database error, for one that cannot be."""
        try:
            return self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            raise Http404 from None

    def _restore(self, request: HttpRequest, record: Any, current: Any) -> HttpResponse:
        if not self.has_change_permission(request, current):
            raise PermissionDenied
        try:
            restored = restore_version(record)
        except ValidationError as error:
            why = "; ".join(error.messages)
            self.message_user(request, _("Not restored: %(why)s") % {"why": why}, messages.ERROR)
            return HttpResponseRedirect(request.path)
        when = {"date": _when(record)}
        self.message_user(request, _("Restored the version of %(date)s.") % when, messages.SUCCESS)
        opts = self.model._meta
        history = f"admin:{opts.app_label}_{opts.model_name}_history"
        return HttpResponseRedirect(reverse(history, args=[restored.pk]))


def _when(record: Any) -> str:
    return date_format(localtime(record.history_date), "DATETIME_FORMAT")
