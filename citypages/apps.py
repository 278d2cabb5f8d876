from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CityPagesConfig(AppConfig):
    name = "citypages"
    verbose_name = _("City pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import admin_forms

        admin_forms.register()  # before any admin form is built: StreamFields of every page type and snippet
