"""Who runs each city's section: its communicators and moderators, its media collection and its workflow.

Recorded as rows rather than recognised by group or collection names, so that renaming a group cannot widen or
drop anyone's rights, and so that ``check_permissions`` knows exactly what each group should hold.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class CityTeam(models.Model):
    """The editorial team of one city, for every locale copy of its section (the copies share a translation key)."""

    city_key = models.UUIDField(_("city translation key"), unique=True)
    name = models.CharField(_("city"), max_length=120, help_text=_("The city's English name, used in group names."))
    communicators = models.OneToOneField(
        Group, verbose_name=_("communicators"), on_delete=models.PROTECT, related_name="communicators_of"
    )
    moderators = models.OneToOneField(
        Group, verbose_name=_("moderators"), on_delete=models.PROTECT, related_name="moderators_of"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", verbose_name=_("media collection"), on_delete=models.PROTECT, related_name="+"
    )
    workflow = models.OneToOneField(
        "wagtailcore.Workflow", verbose_name=_("moderation workflow"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("city team")
        verbose_name_plural = _("city teams")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def group_ids(self):
        return {self.communicators_id, self.moderators_id}


class NetworkOffice(models.Model):
    """The group of the network office: it runs network-level pages and may publish anything, in every city."""

    group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="network_office")

    class Meta:
        verbose_name = _("network office")
        verbose_name_plural = _("network office")

    def __str__(self):
        return self.group.name
