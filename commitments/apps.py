from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = _("Declarations and commitments")
    default_auto_field = "django.db.models.BigAutoField"
