"""What the translation workflow records beyond wagtail-localize: who translates into which language, and in which
language each translated copy was published."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslatorTeam(models.Model):
    """The group of translators into one locale ("Translators - Deutsch").

    Kept as a model rather than recognised by group name so that renaming a group cannot widen or drop rights.
    """

    locale = models.OneToOneField(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="translator_team", verbose_name=_("locale")
    )
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="translator_team")

    class Meta:
        verbose_name = _("translator team")
        verbose_name_plural = _("translator teams")

    def __str__(self):
        return self.group.name


class TranslationPublication(models.Model):
    """The state of a translated page copy when it was last published.

    wagtail-localize publishes a new translation at once with the source text in place (so the tree stays
    complete), and keeps no record of whether a published copy holds translated text. Listings need that to
    label items honestly; the translation report needs it to show what is out of date.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="translation_publication"
    )
    translated_segments = models.PositiveIntegerField(_("translated segments"))
    total_segments = models.PositiveIntegerField(_("segments"))
    source_updated_at = models.DateTimeField(
        _("source version"), help_text=_("When the source text this copy was published from was extracted.")
    )
    published_at = models.DateTimeField(_("published at"))

    class Meta:
        verbose_name = _("translation publication")
        verbose_name_plural = _("translation publications")

    def __str__(self):
        return f"{self.page_id}: {self.translated_segments}/{self.total_segments}"
