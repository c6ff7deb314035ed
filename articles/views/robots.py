"""`/robots.txt`: where crawlers find the sitemap, and what they need not fetch."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

# Not for crawlers: the editors' panel, the language switcher (a form's target) and the API
# (the same records as the pages, which the sitemap lists). Search results are an endless
# space of query strings over pages the sitemap already lists.
NOT_CRAWLED = ["/admin/", "/i18n/", "/api/", "/*?q=", "/*&q="]


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri(reverse("articles:sitemap"))
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in NOT_CRAWLED), f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
