from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Coverage archive")

    def ready(self) -> None:
        # The alignment admin lives with the aligner; importing it registers its classes.
        from .alignment import admin  # noqa: F401
