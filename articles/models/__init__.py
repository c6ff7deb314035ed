"""The archive's models, one module per concern; Django finds them all through this package."""

from .alignments import AlignmentCorrection, EventAlignment
from .articles import Article, ArticleImage
from .captures import Capture
from .content_versions import ContentVersion
from .events import Event
from .languages import Language
from .names import ArticleName, NameEntry, NameVariant
from .outlets import Outlet
from .redirects import EventRedirect

__all__ = [
    "AlignmentCorrection",
    "Article",
    "ArticleImage",
    "ArticleName",
    "Capture",
    "ContentVersion",
    "Event",
    "EventAlignment",
    "EventRedirect",
    "Language",
    "NameEntry",
    "NameVariant",
    "Outlet",
]
