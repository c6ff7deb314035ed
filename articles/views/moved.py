"""Addresses of events merged into others answer with a permanent redirect."""

from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponseBase, HttpResponsePermanentRedirect
from django.urls import reverse

from ..models import EventRedirect


def follow_merged_events(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Wrap a view of `/events/<slug>/…`: where it finds no event by that slug and a merge
    left a redirect for it, answer 301 to the same view of the surviving event, query kept.
    Asked only after a miss, so a page that exists pays no query for it."""

    @wraps(view)
    def serve(request: HttpRequest, *args: object, slug: str, **kwargs: object) -> HttpResponseBase:
        try:
            return view(request, *args, slug=slug, **kwargs)
        except Http404:
            moved = EventRedirect.objects.filter(old_slug=slug).select_related("event").first()
            if moved is None:
                raise
        # The same route (the reader, an export) for the surviving event.
        name = request.resolver_match.view_name if request.resolver_match else ""
        location = reverse(name, kwargs={**kwargs, "slug": moved.event.slug})
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{location}?{query}" if query else location)

    return serve
