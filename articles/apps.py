from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Coverage archive")

    def ready(self) -> None:
        # The name register keeps its admin beside its models, outside articles/admin.py.
        from .names import admin  # noqa: F401
