"""Keep translation state and translator teams in step with what editors do."""

from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page
from wagtail.signals import page_published

from cms.tree import HOME_PAGE_DEPTH

from .models import TranslatorTeam
from .permissions import ensure_all_translator_teams, ensure_translator_team
from .state import record_publication


@receiver(page_published)
def remember_translation_state(sender, instance, **kwargs):
    record_publication(instance)


@receiver(post_save, sender=Locale)
def give_new_locale_a_team(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_translator_team(instance)


@receiver(post_save)
def grant_team_on_new_locale_root(sender, instance, created, raw=False, **kwargs):
    # A locale's tree gets its root when the locale is synchronised (or a site is added): the team's grant sits there.
    if created and not raw and isinstance(instance, Page) and instance.depth == HOME_PAGE_DEPTH:
        ensure_translator_team(instance.locale)


@receiver(post_delete, sender=TranslatorTeam)
def remove_team_group(sender, instance, **kwargs):
    Group.objects.filter(pk=instance.group_id).delete()


@receiver(post_migrate)
def give_every_locale_a_team(sender, using="default", **kwargs):
    # Once per migrate, after the last app Django signals (those with models): permissions are created by
    # post_migrate too, app by app, so earlier the admin and localize permissions may not exist yet.
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender is last and using == "default":
        ensure_all_translator_teams()
