"""The editors' panel, one module per concern; importing them registers the admins."""

# The aligner's admin still sits beside its models; it moves here once its rework lands.
from ..alignment import admin as alignment_admin
from .articles import ArticleAdmin
from .captures import CaptureAdmin
from .events import EventAdmin
from .languages import LanguageAdmin
from .names import NameEntryAdmin
from .outlets import OutletAdmin

__all__ = [
    "ArticleAdmin",
    "CaptureAdmin",
    "EventAdmin",
    "LanguageAdmin",
    "NameEntryAdmin",
    "OutletAdmin",
    "alignment_admin",
]
