"""An event's parallel text as files: TSV, and TMX for a pair of its languages."""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views import View

from ..exports import tmx, tsv
from ..exports.parallel import ParallelText, parallel_text
from ..models import Event


def _download(content: str | bytes, content_type: str, filename: str) -> HttpResponse:
    disposition = content_disposition_header(as_attachment=True, filename=filename)
    return HttpResponse(
        content, content_type=content_type, headers={"Content-Disposition": disposition}
    )


def _parallel(slug: str) -> tuple[Event, ParallelText]:
    event = get_object_or_404(Event.objects.public(), slug=slug)
    return event, parallel_text(event)


class EventTsvExportView(View):
    """One line per aligned row, one column per version, headed by its language."""

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        event, text = _parallel(slug)
        return _download(tsv.tsv_document(text), tsv.CONTENT_TYPE, f"{event.slug}.tsv")


class EventTmxExportView(View):
    """TMX of the two languages `?lang=SOURCE&lang=TARGET` (the reader's column query)."""

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        event, text = _parallel(slug)
        codes = list(dict.fromkeys(column.language_id for column in text.columns))
        requested = request.GET.getlist("lang")
        problem = _pair_problem(requested, codes)
        if problem:
            return HttpResponseBadRequest(problem, content_type="text/plain; charset=utf-8")
        source, target = requested
        content = tmx.tmx_document(text, source, target, note=event.title)
        return _download(content, tmx.CONTENT_TYPE, f"{event.slug}.{source}-{target}.tmx")


def _pair_problem(requested: list[str], codes: list[str]) -> str | None:
    """What is wrong with the requested pair of languages, in a sentence; None if nothing."""
    known = ", ".join(codes)
    missing = [code for code in requested if code not in codes]
    if missing:
        return _("This event has no version in “%(code)s”; it has: %(known)s.") % {
            "code": missing[0],
            "known": known,
        }
    if len(requested) != 2 or requested[0] == requested[1]:
        return _(
            "A TMX file holds two different languages of the event, asked for as "
            "?lang=SOURCE&lang=TARGET; this event has: %(known)s."
        ) % {"known": known}
    return None
