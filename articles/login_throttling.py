"""Login throttling with django-axes: whose address a login comes from, and the page a
locked-out login gets (settings: AXES_CLIENT_IP_CALLABLE, AXES_LOCKOUT_CALLABLE)."""

import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def client_address(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or behind REVERSE_PROXY_COUNT proxies the address the nearest of them
    saw. Only the entries our own proxies appended are trusted: a client can write anything
    at the left of X-Forwarded-For."""
    proxies = settings.REVERSE_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if proxies and len(forwarded) >= proxies and forwarded[-proxies]:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """429 with a page that says how long to wait (each refused try starts the wait again)."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = TemplateResponse(
        request, "registration/locked_out.html", {"minutes": math.ceil(seconds / 60)}, status=429
    )
    response.headers["Retry-After"] = str(seconds)
    return response.render()
