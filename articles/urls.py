from collections.abc import Callable

from django.urls import path
from django.views import View

from . import views
from .page_cache import archive_version, cached_page, event_version
from .views.moved import follow_merged_events

app_name = "articles"


# Public pages are served to anonymous readers from the cache (articles/page_cache): an
# event's reader under that event's version, every other page under the archive's.
def archive_page(view: type[View]) -> Callable:
    return cached_page(archive_version)(view.as_view())


def reader_page(view: type[View]) -> Callable:
    # A merged event's old slug has no version: the view runs, and redirects.
    return cached_page(event_version)(follow_merged_events(view.as_view()))


urlpatterns = [
    path("", archive_page(views.HomeView), name="home"),
    path("events/", archive_page(views.EventListView), name="event-list"),
    path("events/<slug:slug>/", reader_page(views.EventDetailView), name="event-detail"),
    path("articles/", archive_page(views.ArticleListView), name="article-list"),
    path("articles/<int:pk>/", archive_page(views.ArticleDetailView), name="article-detail"),
    path("outlets/", archive_page(views.OutletListView), name="outlet-list"),
    path("outlets/<slug:slug>/", archive_page(views.OutletDetailView), name="outlet-detail"),
    path("names/<slug:slug>/", archive_page(views.NameDetailView), name="name-detail"),
]
