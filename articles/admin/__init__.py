"""The editors' panel, one module per concern; importing them registers the admins."""

from .articles import ArticleAdmin
from .events import EventAdmin
from .sources import CaptureAdmin, LanguageAdmin, OutletAdmin

__all__ = ["ArticleAdmin", "CaptureAdmin", "EventAdmin", "LanguageAdmin", "OutletAdmin"]
