"""Keep every city's rights exact as its pages come and go, in any locale."""

from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from citypages.models import CityPage

from .models import CityTeam
from .network import ensure_network_office
from .rights import apply_team_rights


@receiver(post_save, sender=CityPage)
def grant_team_on_new_copy(sender, instance, created, raw=False, **kwargs):
    # A translation or alias of a city page is a new copy: the city's groups need their rights on it too.
    if created and not raw:
        team = CityTeam.objects.filter(city_key=instance.translation_key).first()
        if team is not None:
            apply_team_rights(team)


@receiver(post_delete, sender=CityPage)
def retire_team_of_deleted_city(sender, instance, **kwargs):
    # Grants and workflow assignments go with the copy (cascade); the team goes with the city's last copy.
    # Its collection stays: it holds the city's images and documents.
    if CityPage.objects.filter(translation_key=instance.translation_key).exists():
        return
    team = CityTeam.objects.filter(city_key=instance.translation_key).first()
    if team is not None:
        groups, workflow = [team.communicators_id, team.moderators_id], team.workflow
        team.delete()
        Group.objects.filter(pk__in=groups).delete()
        workflow.deactivate()  # kept, not deleted: past moderation records point at it


@receiver(post_migrate)
def complete_network_office(sender, using="default", **kwargs):
    # After the last app with models: permissions are created by post_migrate too, app by app.
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender is last and using == "default":
        ensure_network_office()
