from .articles import ArticleDetailView, ArticleListView
from .events import EventDetailView, EventListView, HomeView
from .outlets import OutletDetailView, OutletListView

__all__ = [
    "ArticleDetailView",
    "ArticleListView",
    "EventDetailView",
    "EventListView",
    "HomeView",
    "OutletDetailView",
    "OutletListView",
]
