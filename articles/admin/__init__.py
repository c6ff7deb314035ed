"""The editors' panel, one module per concern; importing them registers the admins."""

from .alignments import AlignmentCorrectionAdmin, EventAlignmentAdmin
from .articles import ArticleAdmin
from .captures import CaptureAdmin
from .events import EventAdmin
from .languages import LanguageAdmin
from .names import NameEntryAdmin
from .outlets import OutletAdmin

__all__ = [
    "AlignmentCorrectionAdmin",
    "ArticleAdmin",
    "CaptureAdmin",
    "EventAdmin",
    "EventAlignmentAdmin",
    "LanguageAdmin",
    "NameEntryAdmin",
    "OutletAdmin",
]
