from .articles import ArticleDetailView, ArticleListView
from .events import EventDetailView, EventListView, HomeView
from .exports import EventTmxExportView, EventTsvExportView
from .names import NameDetailView
from .outlets import OutletDetailView, OutletListView

__all__ = [
    "ArticleDetailView",
    "ArticleListView",
    "EventDetailView",
    "EventListView",
    "EventTmxExportView",
    "EventTsvExportView",
    "HomeView",
    "NameDetailView",
    "OutletDetailView",
    "OutletListView",
]
