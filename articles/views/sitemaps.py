"""A section of the sitemap: Django's view, its URLs written out by `urlset_xml`."""

from typing import Any

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest, HttpResponse

from ..sitemaps import urlset_xml


def sitemap_section(request: HttpRequest, sitemaps: dict[str, Any], section: str) -> HttpResponse:
    # Django's view pages the section, answers 404 for a page past its end and sets the
    # headers; assigning the content marks the response rendered, so its template is not.
    response = sitemap_views.sitemap(request, sitemaps, section=section)
    response.content = urlset_xml((response.context_data or {})["urlset"])
    return response
