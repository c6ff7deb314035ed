from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.views.generic import DetailView

from ..facets import article_language_counts, article_outlet_counts
from ..filters import ArticleFilter
from ..models import Article
from .filtering import FilteredListView


class ArticleListView(FilteredListView):
    filterset_class = ArticleFilter
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = settings.ARTICLES_PER_PAGE

    def get_queryset(self) -> QuerySet[Article]:
        return Article.objects.published().for_listing().newest_first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["language_options"] = self.language_options(
            article_language_counts(self.without("language"))
        )
        context["outlet_options"] = self.outlet_options(
            article_outlet_counts(self.without("outlet"))
        )
        return context


class ArticleDetailView(DetailView):
    """One article with its images, its source link and the captures it was read from."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self) -> QuerySet[Article]:
        return (
            Article.objects.published()
            .select_related("language", "outlet", "event", "translation_of")
            .prefetch_related("images", "captures")
        )
