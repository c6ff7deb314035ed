"""Stored pages answered right after whitenoise, before the rest of the middleware.

A stored page for an anonymous reader needs little of the request cycle: the language (it
keys the page) and the response headers that the middleware below adds to every page. The
rest (sessions, authentication, messages, history, axes, the view's own dispatch) costs as
much as serving the page itself, and a static file is served before any of it runs. So
this middleware asks the page cache for the resolved URL (articles/page_cache/serving.py,
the same code the `cached_page` views run) and, when the page is stored, runs only Django's
own methods of the middleware listed in settings that shape such a page, in their settings
order. Anything else (a miss, a signed-in editor, a POST, an unknown URL) goes on through
the whole stack as before.

The requests answered here (GET or HEAD without a session cookie) are anonymous readers',
which `replica_reads_middleware` sends to a read replica when one is configured
(coverage_site/routers.py). That middleware runs last, after this one has answered, so the
version is read here under the same mark.
"""

from collections.abc import Callable
from typing import Any

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.common import CommonMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils.module_loading import import_string

from coverage_site.routers import replica_reads

from .serving import cacheable, stored_response

# What a stored page's response gets from the middleware: its Content-Security-Policy,
# Content-Language and Vary, Content-Length, X-Frame-Options. CSRF's is left out: it accepts
# every GET and HEAD, and a stored page holds no token (serving.py). SecurityMiddleware runs
# before whitenoise, so around this middleware too.
SHAPES_STORED_PAGES = (
    CSPMiddleware,
    LocaleMiddleware,
    CommonMiddleware,
    XFrameOptionsMiddleware,
)

Handler = Callable[[HttpRequest], HttpResponseBase]


class PageCacheMiddleware:
    """Answers a stored page as the whole stack would, without running the rest of it."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        classes = [import_string(path) for path in settings.MIDDLEWARE]
        # Instances of their own, as a decorator made from middleware would hold: their
        # methods keep no state between requests.
        # (Typed Any: django-stubs type their process_response for HttpResponse alone.)
        self.middleware: list[Any] = [
            _policy_once(middleware(get_response))
            for middleware in classes[classes.index(type(self)) + 1 :]
            if isinstance(middleware, type) and issubclass(middleware, SHAPES_STORED_PAGES)
        ]

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not cacheable(request):
            return self.get_response(request)
        for middleware in self.middleware:
            process_request = getattr(middleware, "process_request", None)
            if process_request is not None and process_request(request) is not None:
                return self.get_response(request)  # a redirect: the whole stack decides
        with replica_reads():  # no effect unless the replica's router is configured
            response = stored_response(request)
        if response is None:  # not stored yet: the view renders it under the version read
            return self.get_response(request)
        for middleware in reversed(self.middleware):
            response = middleware.process_response(request, response)
        return response


class _StoredPagePolicy:
    """django-csp's headers on a stored page, worked out by the middleware once.

    The policy is the same on every response (settings, no nonces: a stored page is the
    same bytes for everyone), and a stored page has none of the per-view changes django-csp
    reads from a response; yet the middleware builds the header afresh each time, a tenth
    of what answering a stored page costs. So the headers it gives a blank response are
    kept and copied."""

    def __init__(self, csp: CSPMiddleware) -> None:
        self.csp = csp
        self.headers: list[tuple[str, str]] | None = None

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> Any:
        if self.headers is None:
            blank = self.csp.process_response(request, HttpResponse())
            names = [name for name in (HEADER, HEADER_REPORT_ONLY) if name in blank]
            self.headers = [(name, blank[name]) for name in names]
        for name, value in self.headers:
            response.headers.setdefault(name, value)
        return response


def _policy_once(middleware: Any) -> Any:
    """`middleware`, or for django-csp's the same headers kept, unless some path is exempt
    from the policy (then which headers a page gets depends on its path)."""
    if not isinstance(middleware, CSPMiddleware) or _exempt_prefixes():
        return middleware
    return _StoredPagePolicy(middleware)


def _exempt_prefixes() -> bool:
    names = ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
    policies = [getattr(settings, name, None) or {} for name in names]
    return any(policy.get("EXCLUDE_URL_PREFIXES") for policy in policies)
