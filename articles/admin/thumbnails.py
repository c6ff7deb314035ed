"""Image thumbnails in the admin: the article list's first image, and each image inline."""

from django.contrib import admin
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import Article, ArticleImage
from ..validators import is_http_url
from .common import ArticleAdminMixinBase, PanelStyles


def thumbnail(image: ArticleImage | None) -> str:
    """An `<img>` of the image, escaped; only an http(s) link becomes a src (the database
    holds nothing else, but a row written past its constraints must not reach a page)."""
    if image is None or not image.url or not is_http_url(image.url):
        return ""
    return format_html(
        '<img src="{}" alt="{}" class="thumbnail" loading="lazy" referrerpolicy="no-referrer">',
        image.url,
        image.caption,
    )


class ImageThumbnailMixin(PanelStyles):
    """For the image inline: a thumbnail beside the URL it shows."""

    @admin.display(description=_("thumbnail"))
    def image_thumbnail(self, obj: ArticleImage) -> str:
        return thumbnail(obj if obj.pk else None)


class ArticleThumbnailMixin(PanelStyles, ArticleAdminMixinBase):
    """For ArticleAdmin: a column with each article's first image."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        # One query for the images of the whole page, not one per row.
        images = Prefetch("images", queryset=ArticleImage.objects.exclude(url=""))
        return super().get_queryset(request).prefetch_related(images)

    @admin.display(description=_("image"))
    def article_thumbnail(self, obj: Article) -> str:
        return thumbnail(next(iter(obj.images.all()), None))
