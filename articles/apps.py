from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Coverage archive")

    def ready(self) -> None:
        # The name register and the aligner keep their admins beside their models, outside
        # articles/admin/; importing them registers their classes.
        from .alignment import admin as alignment_admin  # noqa: F401
        from .names import admin  # noqa: F401
