from django.urls import path

from . import views
from .page_cache import archive_version, cached_page, event_version

app_name = "articles"

# Public pages are served to anonymous readers from the cache (articles/page_cache): an
# event's reader under that event's version, every other page under the archive's.
archive_page = cached_page(archive_version)
reader_page = cached_page(event_version)

urlpatterns = [
    path("", archive_page(views.HomeView.as_view()), name="home"),
    path("events/", archive_page(views.EventListView.as_view()), name="event-list"),
    path(
        "events/<slug:slug>/",
        reader_page(views.EventDetailView.as_view()),
        name="event-detail",
    ),
    path("articles/", archive_page(views.ArticleListView.as_view()), name="article-list"),
    path(
        "articles/<int:pk>/",
        archive_page(views.ArticleDetailView.as_view()),
        name="article-detail",
    ),
    path("outlets/", archive_page(views.OutletListView.as_view()), name="outlet-list"),
    path(
        "outlets/<slug:slug>/",
        archive_page(views.OutletDetailView.as_view()),
        name="outlet-detail",
    ),
    path("names/<slug:slug>/", archive_page(views.NameDetailView.as_view()), name="name-detail"),
]
