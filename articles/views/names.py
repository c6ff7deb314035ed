from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from ..models import Event, NameEntry, NameVariant
from ..names.queries import events_mentioning
from .pagination import CappedPaginationMixin


class NameDetailView(CappedPaginationMixin, ListView):
    """A register entry and the events that mention it in any of its spellings, newest first."""

    template_name = "articles/name_detail.html"
    context_object_name = "events"
    paginate_by = settings.EVENTS_PER_PAGE
    # Each event listed costs a walk past the events that do not mention the entry (nine in
    # ten, for the most named country at 1,000,000 articles): the count looks one page ahead,
    # not ten ("Page 1 of more than 2"), 2 ms instead of 22 at 100,000 articles.
    lookahead_pages = 1

    def get_queryset(self) -> QuerySet[Event]:
        spellings = NameVariant.objects.select_related("language").order_by("spelling")
        variants = Prefetch("variants", queryset=spellings)
        # The manager django-stubs builds from as_manager() loses prefetch_related's type
        # variables, so it rejects any Prefetch; the queryset's own method accepts it.
        entries = NameEntry.objects.prefetch_related(variants)  # type: ignore[arg-type]
        self.entry = get_object_or_404(entries, slug=self.kwargs["slug"])
        return events_mentioning(self.entry).with_coverage()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(entry=self.entry, **kwargs)
