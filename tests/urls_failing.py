"""A URLconf with one view that fails, to render the real 500 page through the site's own
error handler."""

from django.urls import path

from coverage_site.urls import handler500  # noqa: F401 (Django reads it from here)


def boom(request):
    raise RuntimeError("deliberate failure for the 500 page test")


urlpatterns = [path("boom/", boom)]
