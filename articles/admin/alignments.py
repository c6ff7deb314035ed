"""Alignments: see an event's rows side by side, recompute them, correct them."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from articles.models import AlignmentCorrection, Article, Event, EventAlignment

from ..alignment.editing import parse_rows_text, rows_to_text, save_correction
from ..alignment.event_alignments import refresh_event_alignment
from .common import PanelStyles
from .history import HistoryAdminMixin


def side_by_side(rows: list[dict], articles: list[Article]) -> str:
    """An HTML table: one column per language, one numbered line per row.

    Not the event page's rows (`articles.event_page.rows`): an editor checks the rows as
    stored, and a stale correction may name paragraphs a changed body no longer has.
    """
    texts = {str(a.pk): a.paragraphs for a in articles}
    head = format_html_join(
        "", "<th lang='{}'>{} (#{})</th>", ((a.language_id,) * 2 + (a.pk,) for a in articles)
    )
    body = format_html_join(
        "",
        "<tr><th>{}</th>{}</tr>",
        ((n, _cells(row, articles, texts)) for n, row in enumerate(rows, 1)),
    )
    return format_html(
        "<table class='alignment-rows'><thead><tr><th>{}</th>{}</tr></thead>"
        "<tbody>{}</tbody></table>",
        _("row"),
        head,
        body,
    )


def _cells(row: dict, articles: list[Article], texts: dict[str, list[str]]) -> str:
    return format_html_join(
        "",
        "<td lang='{}'>{}</td>",
        ((a.language_id, _paragraphs(row.get(str(a.pk), []), texts[str(a.pk)])) for a in articles),
    )


def _paragraphs(indices: list[int], texts: list[str]) -> str:
    # A stale correction may name paragraphs a changed body no longer has.
    missing = _("(no such paragraph now)")
    return format_html_join(
        "",
        "<p><b>¶{}</b> {}</p>",
        ((i + 1, texts[i] if i < len(texts) else missing) for i in indices),
    )


@admin.register(EventAlignment)
class EventAlignmentAdmin(PanelStyles, admin.ModelAdmin):
    list_display = ["event", "source", "row_count", "algorithm", "computed_at"]
    list_filter = ["source"]
    list_select_related = ["event"]
    search_fields = ["event__title", "event__slug"]
    # A tuple, not a list: both attributes hold the same names and the stubs type them apart.
    readonly_fields = fields = (
        "event",
        "source",
        "algorithm",
        "fingerprint",
        "computed_at",
        "correct_link",
        "table",
    )
    actions = ["recompute"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("rows"))
    def row_count(self, obj: EventAlignment) -> int:
        return len(obj.rows)

    @admin.display(description=_("correct"))
    def correct_link(self, obj: EventAlignment) -> str:
        correction = AlignmentCorrection.objects.filter(event=obj.event).first()
        if correction:
            url = reverse("admin:articles_alignmentcorrection_change", args=[correction.pk])
        else:
            url = reverse("admin:articles_alignmentcorrection_add") + f"?event={obj.event_id}"
        return format_html("<a href='{}'>{}</a>", url, _("Correct this alignment"))

    @admin.display(description=_("rows side by side"))
    def table(self, obj: EventAlignment) -> str:
        return side_by_side(obj.rows, list(Article.objects.event_versions(obj.event)))

    @admin.action(description=_("Recompute the selected alignments"))
    def recompute(self, request: HttpRequest, queryset: QuerySet[EventAlignment]) -> None:
        for alignment in queryset.select_related("event"):
            refresh_event_alignment(alignment.event, force=True)
        self.message_user(
            request, _("Recomputed %d alignments.") % queryset.count(), messages.SUCCESS
        )


class CorrectionForm(forms.ModelForm):
    rows_text = forms.CharField(
        label=_("rows"),
        widget=forms.Textarea(attrs={"rows": 25, "cols": 60, "class": "alignment-rows-text"}),
        help_text=_(
            "One line per row, one cell per column in the order of the header line; a cell "
            "lists paragraph numbers (“1, 2” or “3-4”) or “-” for none. Every paragraph of "
            "every column must appear exactly once, in order."
        ),
    )

    class Meta:
        model = AlignmentCorrection
        fields = ["event", "note"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk and self.initial.get("event"):
            # Lets the read-only table show the rows being corrected beside the editor.
            self.instance.event_id = self.initial["event"]
        if self.instance.pk:
            self.fields["event"].disabled = True
            articles = list(Article.objects.event_versions(self.instance.event))
            rows = self.instance.rows
            self.fields["rows_text"].initial = rows_to_text(rows, articles)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        event: Event | None = data.get("event")
        if event is not None and "rows_text" in data:
            data["rows"] = parse_rows_text(
                data["rows_text"], list(Article.objects.event_versions(event))
            )
        return data


@admin.register(AlignmentCorrection)
class AlignmentCorrectionAdmin(HistoryAdminMixin, PanelStyles, admin.ModelAdmin):
    form = CorrectionForm
    list_display = ["event", "stale", "stale_reason", "edited_by", "updated_at"]
    list_filter = ["stale"]
    list_select_related = ["event", "edited_by"]
    search_fields = ["event__title", "event__slug"]
    readonly_fields = ["stale", "stale_reason", "edited_by", "updated_at", "table"]

    def get_fields(
        self, request: HttpRequest, obj: AlignmentCorrection | None = None
    ) -> tuple[str, ...]:
        return (
            "event",
            "rows_text",
            "table",
            "note",
            "stale",
            "stale_reason",
            "edited_by",
            "updated_at",
        )

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, str | list[str]]:
        initial = super().get_changeform_initial_data(request)
        # "?event=<pk>" from the alignment's "Correct this alignment" link; absent on a bare "add".
        event_pk = initial.get("event")
        event = Event.objects.filter(pk=event_pk).first() if isinstance(event_pk, str) else None
        if event is not None:
            alignment = refresh_event_alignment(event)
            initial["rows_text"] = rows_to_text(
                alignment.rows, list(Article.objects.event_versions(event))
            )
        return initial

    @admin.display(description=_("rows side by side"))
    def table(self, obj: AlignmentCorrection) -> str:
        if obj.event_id is None:
            return "-"
        if obj.pk is None:
            alignment = EventAlignment.objects.filter(event_id=obj.event_id).first()
            return side_by_side(
                alignment.rows if alignment else [], list(Article.objects.event_versions(obj.event))
            )
        return side_by_side(obj.rows, list(Article.objects.event_versions(obj.event)))

    def save_model(
        self, request: HttpRequest, obj: AlignmentCorrection, form: CorrectionForm, change: bool
    ) -> None:
        # Only signed-in staff reach the admin; were a visitor anonymous, no editor is recorded.
        user = request.user if request.user.is_authenticated else None
        saved = save_correction(
            event=form.cleaned_data["event"],
            rows=form.cleaned_data["rows"],
            edited_by=user,
            note=form.cleaned_data.get("note", ""),
        )
        obj.pk = saved.pk
