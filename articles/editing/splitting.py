"""Splitting articles out of an event into a new event of their own."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..grouping.events import create_event_for
from ..history import history_reason
from ..models import Article, Event
from ..refresh import refresh_for_article


@transaction.atomic
def split_event(articles: Sequence[Article]) -> Event:
    """Move `articles`, all from one event and not all of it, into a new event titled and
    dated from their own data as grouping does (`create_event_for`): never an invented date.

    ValidationError says what is wrong with the selection; nothing is written then."""
    source = _one_event(articles)
    with history_reason(f"split: out of {source.slug}"):
        event = create_event_for(articles)
        if event is None:
            raise ValidationError(
                _("None of the selected articles holds a date; the new event would need one.")
            )
        for article in articles:
            article.event = event
            article.save()
            refresh_for_article(article, previous_event_id=source.pk)
    return event


def _one_event(articles: Sequence[Article]) -> Event:
    if any(article.event_id is None for article in articles):
        raise ValidationError(
            _("Only articles in an event can be split out; the inbox has no event to split.")
        )
    event_ids = {article.event_id for article in articles if article.event_id is not None}
    if len(event_ids) != 1:
        raise ValidationError(_("Select articles of one event only."))
    source = Event.objects.get(pk=event_ids.pop())
    if Article.objects.filter(event=source).exclude(pk__in=[a.pk for a in articles]).exists():
        return source
    raise ValidationError(
        _("These are all the articles of “%(event)s”: nothing would remain to split from.")
        % {"event": source.title}
    )
