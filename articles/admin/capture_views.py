"""A capture's bytes for staff, as text to read or as the original bytes to download.

Never rendered as HTML: the text is served as text/plain with `nosniff` (a captured
script element is shown, not run), and the download is an attachment named `.txt`, so even a
saved HTML page opens as text.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from ..models import Capture
from .common import ModelAdminMixinBase


def capture_response(capture: Capture, *, download: bool) -> HttpResponse:
    if download:
        response = HttpResponse(bytes(capture.raw), content_type="text/plain")
    else:
        response = HttpResponse(capture.text, content_type="text/plain; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    # Should a browser render it after all, nothing in it may run or load.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # Never None here: the file name is never empty.
    disposition = content_disposition_header(download, _file_name(capture)) or "attachment"
    response["Content-Disposition"] = disposition
    return response


def _file_name(capture: Capture) -> str:
    name = capture.filename.replace("\\", "/").rsplit("/", 1)[-1] or capture.sha256[:12]
    return name if name.lower().endswith(".txt") else f"{name}.txt"


class CaptureFileMixin(ModelAdminMixinBase):
    """For CaptureAdmin: `<pk>/text/` and `<pk>/download/` (linked by `CaptureLinksMixin`)."""

    def get_urls(self) -> list[URLPattern]:
        wrap = self.admin_site.admin_view
        own = [
            path("<int:pk>/text/", wrap(self.text_view), name="articles_capture_text"),
            path("<int:pk>/download/", wrap(self.download_view), name="articles_capture_download"),
        ]
        return own + super().get_urls()

    def text_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        return capture_response(self._capture(request, pk), download=False)

    def download_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        return capture_response(self._capture(request, pk), download=True)

    def _capture(self, request: HttpRequest, pk: int) -> Capture:
        capture = get_object_or_404(Capture, pk=pk)
        if not self.has_view_permission(request, capture):
            raise PermissionDenied
        return capture


class CaptureLinksMixin:
    """A `capture_links` field: where to read a capture as text or download it."""

    @admin.display(description=_("raw file"))
    def capture_links(self, obj: Capture) -> str:
        if obj.pk is None:
            return ""
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:articles_capture_text", args=[obj.pk]),
            _("view as text"),
            reverse("admin:articles_capture_download", args=[obj.pk]),
            _("download"),
        )
