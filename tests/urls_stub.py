"""Stand-in for the public URLs (articles/urls.py lives in main): the route names and paths
of DESIGN.md's URL contract, so get_absolute_url can be tested before the pages merge."""

from django.urls import include, path
from django.views.generic import View

app_patterns = (
    [
        path("events/<slug:slug>/", View.as_view(), name="event-detail"),
        path("articles/<int:pk>/", View.as_view(), name="article-detail"),
        path("outlets/<slug:slug>/", View.as_view(), name="outlet-detail"),
    ],
    "articles",
)

urlpatterns = [path("", include(app_patterns))]
