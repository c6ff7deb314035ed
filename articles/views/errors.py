"""The server error view: a database that does not answer is a 503, anything else a 500."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views import defaults

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
