from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from ..models import NameEntry, NameVariant
from ..names.queries import events_mentioning


class NameDetailView(ListView):
    """A register entry and the events that mention it in any of its spellings, newest first."""

    template_name = "articles/name_detail.html"
    context_object_name = "events"
    paginate_by = settings.EVENTS_PER_PAGE

    def get_queryset(self):
        spellings = NameVariant.objects.select_related("language").order_by("spelling")
        self.entry = get_object_or_404(
            NameEntry.objects.prefetch_related(Prefetch("variants", queryset=spellings)),
            slug=self.kwargs["slug"],
        )
        return events_mentioning(self.entry).with_coverage()

    def get_context_data(self, **kwargs):
        return super().get_context_data(entry=self.entry, **kwargs)
