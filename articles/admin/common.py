"""Pieces shared by the admin modules."""

from django.contrib import admin
from django.db import models
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
