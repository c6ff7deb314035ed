"""The interface language switcher's endpoint: Django's `set_language`, guarded against
cross-site requests by what the browser says about where the request came from, not by a
CSRF token.

Every public page carries the switcher. With a token in it, every page would be one
reader's: a CSRF cookie set on every first visit, each stored page filled with the reader's
own token, and no shared cache able to keep a copy. Instead the browser tells a POST from
another site apart itself, as Go's standard library (`http.CrossOriginProtection`) and the
Fetch Metadata guidance do:

- `Sec-Fetch-Site` (every current browser) must be `same-origin`, or `none` (the reader's
  own doing, such as a bookmark);
- without it, `Origin` (sent on a POST by every browser since 2020) must be this site's, or
  one of CSRF_TRUSTED_ORIGINS;
- a POST with neither is refused. It comes from no browser that a page elsewhere could
  steer, and nothing but a browser needs the interface language.

A refusal is the page of Django's own CSRF failures (403), with the reason.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.csrf import csrf_exempt

SAME_ORIGIN = {"same-origin", "none"}


def refusal(request: HttpRequest) -> str | None:
    """Why a POST cannot be trusted to come from this site's own pages; None if it can."""
    if getattr(request, "_dont_enforce_csrf_checks", False):  # as CsrfViewMiddleware: tests
        return None
    fetched_from = request.headers.get("Sec-Fetch-Site")
    if fetched_from is not None:
        if fetched_from in SAME_ORIGIN:
            return None
        return _elsewhere(f"Sec-Fetch-Site: {fetched_from}")
    origin = request.headers.get("Origin")
    if origin is None:
        return _("The browser did not say which site the request came from.")
    if origin in {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}:
        return None
    return _elsewhere(origin)


def _elsewhere(evidence: str) -> str:
    return _("The request came from another site (%(evidence)s).") % {"evidence": evidence}


@csrf_exempt  # checked below, by the request's origin instead of a token
def set_language(request: HttpRequest) -> HttpResponseBase:
    if request.method == "POST" and (reason := refusal(request)):
        return render(request, "403_csrf.html", {"reason": reason}, status=403)
    return i18n.set_language(request)
