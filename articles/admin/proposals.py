"""The inbox's grouping proposals in the article list: shown per row, accepted in one click.

Proposals are computed by `manage.py propose_events` and stored on the article; the admin only
reads them and, on an editor's POST, applies them.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..grouping.proposals import accept_proposals
from ..models import Article
from .common import ArticleAdminMixinBase


def _group_sizes() -> Subquery:
    """How many inbox articles share each row's proposed new event (one subquery per list)."""
    siblings = (
        Article.objects.filter(event=None, proposed_group=OuterRef("proposed_group"))
        .order_by()
        .values("proposed_group")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(siblings, output_field=IntegerField())


class ProposalAdminMixin(ArticleAdminMixinBase):
    """For ArticleAdmin: a "proposed event" column and the "Accept proposed event" action."""

    actions = ["accept_proposed_event"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).annotate(proposal_group_size=_group_sizes())

    def get_urls(self) -> list[URLPattern]:
        accept = self.admin_site.admin_view(require_POST(self.accept_proposal_view))
        own = [path("<int:pk>/accept-proposal/", accept, name="articles_article_accept_proposal")]
        return own + super().get_urls()

    @admin.display(description=_("proposed event"), empty_value="")
    def proposed_event_column(self, obj: Article) -> str | None:
        if obj.event_id is not None or not (obj.proposed_event_id or obj.proposed_group):
            return None
        if obj.proposed_event is not None:
            label = obj.proposed_event.title
        else:
            size = getattr(obj, "proposal_group_size", None) or 1
            label = ngettext("new event (this article)", "new event with %(n)d articles", size) % {
                "n": size
            }
        if obj.proposal_score is not None:
            # How strongly the grouping holds: a weak one deserves a look before accepting.
            label = f"{label} ({obj.proposal_score:.2f})"
        # The button submits the changelist form (and so its CSRF token) to the accept view.
        url = reverse("admin:articles_article_accept_proposal", args=[obj.pk])
        return format_html(
            '{} <button type="submit" class="button" formaction="{}">{}</button>',
            label, url, _("Accept"),
        )  # fmt: skip

    @admin.action(description=_("Accept proposed event"), permissions=["change"])
    def accept_proposed_event(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        chosen = list(queryset.filter(event=None).select_related("proposed_event"))
        self._accept(request, chosen)

    def accept_proposal_view(self, request: HttpRequest, pk: int) -> HttpResponseRedirect:
        article = get_object_or_404(Article.objects.select_related("proposed_event"), pk=pk)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        self._accept(request, [article])
        return HttpResponseRedirect(reverse("admin:articles_article_changelist") + "?inbox=yes")

    def _accept(self, request: HttpRequest, articles: list[Article]) -> None:
        events = accept_proposals(articles)
        if not events:
            self.message_user(
                request,
                _("Nothing accepted: no proposal, or no date any article holds for a new event."),
                messages.WARNING,
            )
            return
        names = ", ".join(e.title for e in events.values())
        placed = Article.objects.filter(event__in=events.values()).count()
        self.message_user(
            request, _("Accepted: %(names)s (%(n)d articles in these events).")
            % {"names": names, "n": placed}, messages.SUCCESS,
        )  # fmt: skip
