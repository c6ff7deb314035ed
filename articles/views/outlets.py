from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from ..feeds import outlet_feed_link
from ..models import Event, Outlet
from .pagination import CappedPaginationMixin


class OutletListView(ListView):
    template_name = "articles/outlet_list.html"
    context_object_name = "outlets"
    paginate_by = 50

    def get_queryset(self) -> QuerySet[Outlet]:
        return Outlet.objects.with_article_counts().order_by("name")


class OutletDetailView(CappedPaginationMixin, ListView):
    """An outlet and the events it covered, newest first (a list of events, paginated)."""

    template_name = "articles/outlet_detail.html"
    context_object_name = "events"
    paginate_by = settings.EVENTS_PER_PAGE

    def get_queryset(self) -> QuerySet[Event]:
        self.outlet = get_object_or_404(
            Outlet.objects.with_article_counts(), slug=self.kwargs["slug"]
        )
        return Event.objects.public().covered_by_outlet(self.outlet.pk).with_coverage()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            outlet=self.outlet, feeds=[outlet_feed_link(self.outlet)], **kwargs
        )
