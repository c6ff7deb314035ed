"""The importer in the admin: upload files or paste a capture, preview, then save.

The preview runs the same `Importer` as the command with `dry_run=True`; the captures wait
in the editor's session between preview and save, so nothing is written before "Save".
Articles that land in the inbox get their proposed event right away, from the same grouping
as `manage.py propose_events`: shown in the preview, stored on save for the inbox's accept.
"""

import base64
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _

from ..grouping.proposals import store_proposals
from ..importing.files import capture_kind
from ..importing.grouping_step import group_results
from ..importing.pipeline import Importer
from ..importing.records import ImportResult
from ..models import Article, Event, Language
from .common import ArticleAdminMixinBase

SESSION_KEY = "articles_import_preview"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data]
        cleaned = [super(MultipleFileField, self).clean(f, initial) for f in files if f]
        for upload in cleaned:
            _check_upload(upload)
        return cleaned


def _size_limit() -> str:
    return filesizeformat(settings.IMPORT_MAX_BYTES)


def _check_upload(upload: UploadedFile) -> None:
    """Refused before anything is read: a file of another type, or over the size limit
    (the importer reads no further than the limit either way)."""
    name = upload.name or ""
    if capture_kind(name) is None:
        raise forms.ValidationError(
            _("“%(name)s” is not a capture file: upload .txt, .html, .htm, or .gz of those."),
            code="file_type", params={"name": name},
        )  # fmt: skip
    size = upload.size or 0
    if size > settings.IMPORT_MAX_BYTES:
        raise forms.ValidationError(
            _("“%(name)s” is %(size)s, over the limit of %(limit)s for one capture."),
            code="file_size",
            params={"name": name, "size": filesizeformat(size), "limit": _size_limit()},
        )


class ImportCapturesForm(forms.Form):
    # Django's form metaclass moves declared fields off the class, so this does not replace
    # BaseForm.files (the uploaded files) as the stubs believe.
    files = MultipleFileField(  # type: ignore[assignment]
        label=_("capture files"), required=False,
        help_text=_(".txt, .html, .htm, or .gz of those; several at once."),
        widget=MultipleFileInput(attrs={"accept": ".txt,.html,.htm,.gz"}),
    )  # fmt: skip
    pasted = forms.CharField(
        label=_("or paste a capture"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The seed text format or a page's HTML source."),
    )  # fmt: skip
    language = forms.ModelChoiceField(
        Language.objects.all(), label=_("language"), required=False,
        help_text=_("Leave empty to detect it from the text."),
    )  # fmt: skip
    event = forms.ModelChoiceField(
        Event.objects.all(), label=_("event"), required=False,
        help_text=_("Leave empty to put new articles in the inbox."),
    )  # fmt: skip

    def clean_pasted(self) -> str:
        pasted = self.cleaned_data.get("pasted") or ""
        if len(pasted.encode()) > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The pasted capture is over the limit of %(limit)s for one capture."),
                code="file_size", params={"limit": _size_limit()},
            )  # fmt: skip
        return pasted

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("files") and not (data.get("pasted") or "").strip():
            raise forms.ValidationError(_("Upload a file or paste a capture."))
        return data

    def captures(self) -> list[tuple[str, bytes]]:
        limit = settings.IMPORT_MAX_BYTES
        found = [(f.name, f.read(limit + 1)) for f in self.cleaned_data.get("files") or []]
        pasted = (self.cleaned_data.get("pasted") or "").strip()
        if pasted:
            found.append((str(_("pasted capture")), pasted.encode("utf-8")))
        return found


class ImportAdminMixin(ArticleAdminMixinBase):
    """Adds an "Import captures" page to a ModelAdmin (used by ArticleAdmin)."""

    import_template = "admin/articles/article/import_captures.html"

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="articles_article_import"), *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "save" in request.POST:
            return self._save(request)
        bound = request.method == "POST"
        form = ImportCapturesForm(request.POST if bound else None, request.FILES if bound else None)
        results: list[ImportResult] = []
        if request.method == "POST" and form.is_valid():
            captures = form.captures()
            results = _importer(form.cleaned_data, dry_run=True).run(captures)
            if form.cleaned_data.get("event") is None:
                group_results(results, dry_run=True)
            request.session[SESSION_KEY] = {
                "captures": [(name, base64.b64encode(data).decode()) for name, data in captures],
                "language": _pk(form.cleaned_data.get("language")),
                "event": _pk(form.cleaned_data.get("event")),
            }
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import captures"),
            "form": form,
            "results": _with_event_titles([r.as_json() for r in results]),
            "can_save": any(r.status in {"new", "update"} for r in results),
        }
        return TemplateResponse(request, self.import_template, context)

    def _save(self, request: HttpRequest) -> HttpResponse:
        pending = request.session.pop(SESSION_KEY, None)
        if not pending:
            messages.error(request, _("Nothing to save: preview the captures first."))
            return HttpResponseRedirect(reverse("admin:articles_article_import"))
        options = {
            "language": Language.objects.filter(pk=pending["language"]).first(),
            "event": Event.objects.filter(pk=pending["event"]).first(),
        }
        captures = [(name, base64.b64decode(data)) for name, data in pending["captures"]]
        results = _importer(options, dry_run=False).run(captures)
        for result in results:
            if result.status == "error":
                messages.error(request, f"{result.file}: {result.error}")
            else:
                title = result.record.title if result.record else ""
                messages.success(request, f"{result.status}: {result.file} ({title[:80]})")
        _propose(request, results)
        return HttpResponseRedirect(reverse("admin:articles_article_changelist"))


def _propose(request: HttpRequest, results: list[ImportResult]) -> None:
    """Store a proposal on each saved article left in the inbox, so the inbox shows it now."""
    ids = [r.article_id for r in results if r.article_id is not None]
    inbox = list(Article.objects.filter(pk__in=ids, event=None).select_related("language"))
    if not inbox:
        return
    store_proposals(inbox)
    proposed = sum(1 for article in inbox if article.proposed_event_id or article.proposed_group)
    messages.info(
        request,
        _("%(n)d of the imported articles wait in the inbox with a proposed event.")
        % {"n": proposed},
    )


def _with_event_titles(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Name the existing event each previewed capture is proposed for (`group` is its slug)."""
    titles = dict(
        Event.objects.filter(slug__in={i["group"] for i in items if i["group"]}).values_list(
            "slug", "title"
        )
    )
    return [{**item, "proposed_event": titles.get(item["group"])} for item in items]


class _AdminImporter(Importer):
    def run(self, captures: list[tuple[str, bytes]]) -> list[ImportResult]:
        return [self.import_bytes(name, data) for name, data in captures]


def _importer(options: dict, *, dry_run: bool) -> _AdminImporter:
    language = options.get("language")
    return _AdminImporter(
        language=language.code if language else None, event=options.get("event"), dry_run=dry_run
    )


def _pk(obj) -> object:
    return obj.pk if obj is not None else None
