from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CityPagesConfig(AppConfig):
    name = "citypages"
    verbose_name = _("City pages")
    default_auto_field = "django.db.models.BigAutoField"
