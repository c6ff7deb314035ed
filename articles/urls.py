from collections.abc import Callable

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views import View

from . import views
from .api.views import event_export_json
from .feeds import EventsFeed, LanguageFeed, OutletFeed
from .page_cache import archive_version, cached_page, event_version
from .sitemaps import SITEMAPS
from .views.moved import follow_merged_events
from .views.sitemaps import sitemap_section

app_name = "articles"


# Public pages are served to anonymous readers from the cache (articles/page_cache): an
# event's reader under that event's version, every other page under the archive's.
def archive_page(view: type[View]) -> Callable:
    return cached_page(archive_version)(view.as_view())


def reader_page(view: type[View]) -> Callable:
    return per_event(view.as_view())


def per_event(view: Callable) -> Callable:
    # A merged event's old slug has no version: the view runs, and redirects.
    return cached_page(event_version)(follow_merged_events(view))


# Feeds and the sitemap show the archive, so they are cached under its version too.
archive_cached = cached_page(archive_version)
SITEMAP_SECTION = "articles:sitemap-section"

urlpatterns = [
    path("", archive_page(views.HomeView), name="home"),
    path("events/", archive_page(views.EventListView), name="event-list"),
    path("events/<slug:slug>/", reader_page(views.EventDetailView), name="event-detail"),
    path(
        "events/<slug:slug>/export.tsv",
        reader_page(views.EventTsvExportView),
        name="event-export-tsv",
    ),
    path(
        "events/<slug:slug>/export.tmx",
        reader_page(views.EventTmxExportView),
        name="event-export-tmx",
    ),
    path(
        "events/<slug:slug>/export.json",
        per_event(event_export_json),
        name="event-export-json",
    ),
    path("articles/", archive_page(views.ArticleListView), name="article-list"),
    path("articles/<int:pk>/", archive_page(views.ArticleDetailView), name="article-detail"),
    path("outlets/", archive_page(views.OutletListView), name="outlet-list"),
    path("outlets/<slug:slug>/", archive_page(views.OutletDetailView), name="outlet-detail"),
    path("names/<slug:slug>/", archive_page(views.NameDetailView), name="name-detail"),
    path("feeds/events/", archive_cached(EventsFeed()), name="events-feed"),
    path("feeds/languages/<str:code>/", archive_cached(LanguageFeed()), name="language-feed"),
    path("feeds/outlets/<slug:slug>/", archive_cached(OutletFeed()), name="outlet-feed"),
    path(
        "sitemap.xml",
        archive_cached(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": SITEMAP_SECTION},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        archive_cached(sitemap_section),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]
