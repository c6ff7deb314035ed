"""The editors' panel, one module per concern; importing them registers the admins."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .alignments import AlignmentCorrectionAdmin, EventAlignmentAdmin
from .articles import ArticleAdmin
from .captures import CaptureAdmin
from .children import ArticleImageAdmin, NameVariantAdmin
from .events import EventAdmin
from .languages import LanguageAdmin
from .names import NameEntryAdmin
from .outlets import OutletAdmin

# The panel is named for the archive, in the reader's interface language (lazy: per request).
admin.site.site_header = _("Coverage Archive editors")
admin.site.site_title = _("Coverage Archive editors")
admin.site.index_title = _("The archive's content")

__all__ = [
    "AlignmentCorrectionAdmin",
    "ArticleAdmin",
    "ArticleImageAdmin",
    "CaptureAdmin",
    "EventAdmin",
    "EventAlignmentAdmin",
    "LanguageAdmin",
    "NameEntryAdmin",
    "NameVariantAdmin",
    "OutletAdmin",
]
