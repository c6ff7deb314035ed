"""The error views: a database that does not answer is a 503, anything else a 500; a path
under the API that no route matches is the API's JSON 404, anything else the site's page."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views import defaults
from rest_framework.exceptions import NotFound

# What a client, proxy or load balancer is asked to wait before trying again.
RETRY_AFTER_SECONDS = 10


def server_error(request: HttpRequest) -> HttpResponse:
    """The site's handler500. Django calls it inside the `except` block of the uncaught
    exception, whether a view, a template or a middleware raised it, so sys.exc_info()
    names the error. A refused, timed-out or lost connection (OperationalError) or a closed
    one (InterfaceError) is an outage that passes: 503, with when to try again. Django logs
    either answer with the exception (coverage_site/log_format.py makes that one line)."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable()
    return defaults.server_error(request)


def database_unavailable() -> HttpResponse:
    # Rendered without the request: its context processors may reach for the database.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The site's handler404. The API answers its own 404s in JSON (a slug no record has);
    a path under it that none of its routes matches (a slug with a dot in it) reaches this
    view, and must get the same JSON answer its schema documents, not the site's page."""
    if request.path.startswith(reverse("api:api-root")):
        return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)
    return defaults.page_not_found(request, exception)
