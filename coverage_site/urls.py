from django.contrib import admin
from django.urls import include, path

from articles.views.health import healthz
from articles.views.language import set_language
from articles.views.robots import robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots"),
    path("api/", include("articles.api.urls")),
    path("", include("articles.urls")),
]

# A database that does not answer gets a 503 page; any other uncaught error the 500 page.
handler404 = "articles.views.errors.page_not_found"
handler500 = "articles.views.errors.server_error"
