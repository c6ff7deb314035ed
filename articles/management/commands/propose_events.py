from collections import Counter

from django.core.management.base import BaseCommand

from articles.grouping.proposals import store_proposals
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Propose an event for every article in the inbox (no event yet): an existing event "
        "that covers the same happening, or a new one shared with other inbox articles. "
        "Editors accept proposals in the admin; nothing is assigned here."
    )

    def handle(self, *args, **options) -> None:
        inbox = list(Article.objects.filter(event=None).select_related("language"))
        if not inbox:
            self.stdout.write("The inbox is empty; nothing to propose.")
            return
        labels = store_proposals(inbox)
        existing = sum(1 for a in inbox if a.proposed_event_id)
        groups = Counter(a.proposed_group for a in inbox if a.proposed_group)
        self.stdout.write(
            self.style.SUCCESS(
                f"Proposed for {len(labels)} inbox articles: {existing} to existing events, "
                f"{sum(groups.values())} to {len(groups)} new events."
            )
        )
