from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from . import views
from .docs import ApiDocsView

app_name = "api"

router = DefaultRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("outlets", views.OutletViewSet, basename="outlet")
router.register("languages", views.LanguageViewSet, basename="language")
router.register("names", views.NameEntryViewSet, basename="name")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", ApiDocsView.as_view(), name="docs"),
    path("", include(router.urls)),
]
