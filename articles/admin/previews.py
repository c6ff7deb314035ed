"""An editor's preview of an event's reader page with its draft articles, marked as drafts.

The public reader's own view and page builder with drafts included, served only here, behind
the admin's login: never through the public URL, so the page cache (articles/page_cache)
neither serves nor stores it, and admin_view marks the response never to be cached.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.urls import URLPattern, path

from ..views.events import EventDetailView
from .common import ModelAdminMixinBase


class EventPreviewView(EventDetailView):
    include_drafts = True


class EventPreviewMixin(ModelAdminMixinBase):
    """For EventAdmin: `<pk>/preview/`, linked from the event's change page."""

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.preview_view)
        own = [path("<int:pk>/preview/", view, name="articles_event_preview")]
        return own + super().get_urls()

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponseBase:
        # Drafts are articles: seeing them takes the right to view articles, not only events.
        can_view_drafts = request.user.has_perm("articles.view_article")
        if not (self.has_view_permission(request) and can_view_drafts):
            raise PermissionDenied
        return EventPreviewView.as_view()(request, pk=pk)
