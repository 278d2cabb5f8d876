"""Translator teams: one group per locale, allowed to edit and publish translations into that locale only.

Wagtail grants page permissions on a subtree. A grant on the German tree would also cover pages *written* in
German (a German city's own news), which translators must not edit, so the team's grant is narrowed per page by
``TranslatorAwarePagePermissionTester``. The grant sits on each locale's root page, so pages created, moved or
deleted inside a locale's tree are covered without further bookkeeping; new locales and new locale roots get their
team through the signals in ``translations.signals``.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale, Page, PagePermissionTester
from wagtail_localize.models import Translation

from cms.tree import HOME_PAGE_DEPTH

from .models import TranslatorTeam

TEAM_PAGE_PERMISSIONS = ("change_page", "publish_page")
TEAM_PERMISSIONS = (("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation"))
# What a team grant still allows on a copy of each kind.
ACTIONS_ON_TRANSLATION = frozenset({"change", "publish"})
ACTIONS_ON_ALIAS = frozenset({"change"})  # opens localize's "Translate this page" screen; nothing to publish


def team_name(locale):
    """Group names are data, not UI: kept in one form whatever the admin's language ("Translators - Deutsch")."""
    return f"Translators - {locale.get_display_name()}"


def locale_roots(locale):
    """The top page of each site in ``locale`` (depth 2: under Wagtail's root)."""
    return Page.objects.filter(depth=HOME_PAGE_DEPTH, locale=locale)


@transaction.atomic
def ensure_translator_team(locale):
    """Create or complete the translator team of ``locale``; returns the group. Safe to run again."""
    team = TranslatorTeam.objects.filter(locale=locale).select_related("group").first()
    if team is None:
        group, _created = Group.objects.get_or_create(name=team_name(locale))
        team = TranslatorTeam.objects.create(locale=locale, group=group)
    group = team.group
    for app_label, codename in TEAM_PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TEAM_PAGE_PERMISSIONS
    )
    for root in locale_roots(locale):
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
    return group


def ensure_all_translator_teams():
    return [ensure_translator_team(locale) for locale in Locale.objects.all()]


def translator_group_ids(user):
    """Ids of the user's translator-team groups, cached on the user object for the request."""
    if not hasattr(user, "_translator_group_ids"):
        user._translator_group_ids = frozenset(
            TranslatorTeam.objects.filter(group__user=user).values_list("group_id", flat=True)
        )
    return user._translator_group_ids


def is_translation_into_own_locale(page):
    """True for a copy that wagtail-localize translates into its locale from another one."""
    return (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .exclude(source__locale_id=page.locale_id)
        .exists()
    )


def team_actions_on(page):
    if page.alias_of_id:
        return ACTIONS_ON_ALIAS
    if is_translation_into_own_locale(page):
        return ACTIONS_ON_TRANSLATION
    return frozenset()


class TranslatorAwarePagePermissionTester(PagePermissionTester):
    """Wagtail's tester, with translator-team grants narrowed to the copies a translator may touch.

    Wagtail has no notion of "translations only" in its page permissions; other grants (a communicator's, say)
    are left exactly as Wagtail computes them.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        self.translator_only = False
        if not user.is_active or user.is_superuser:
            return
        team_groups = translator_group_ids(user)
        if not team_groups:
            return
        other, team = set(), set()
        for perm in self.permission_policy.get_cached_permissions_for_user(user):
            if page.path.startswith(perm.page.path):
                action = perm.permission.codename.rsplit("_", maxsplit=1)[0]
                (team if perm.group_id in team_groups else other).add(action)
        if team - other:
            self.permissions = other | (team & team_actions_on(page))
            self.translator_only = not other

    def can_delete(self, ignore_bulk=False):
        # Wagtail lets "change" delete; a translator's change right is for the text, not the page.
        return not self.translator_only and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        # Unpublishing a translation would take the item out of its language's tree; that is the city's call.
        return not self.translator_only and super().can_unpublish()

    def can_copy(self):
        # Wagtail lets whoever may edit open the copy form; translators create no pages.
        return not self.translator_only and super().can_copy()

    def can_relink_copies(self):
        """Converting an alias into a page of its own, a translation back into an alias, or stopping a translation
        changes what a copy follows in every later sync: the city's or the office's decision, not a translator's.
        Wagtail and wagtail-localize ask only for edit rights, which a translator holds on their copies."""
        return not self.translator_only and self.can_edit()


class TranslatorAwarePermissionsMixin:
    """For every page type of the site: Wagtail and wagtail-localize ask ``permissions_for_user``."""

    def permissions_for_user(self, user):
        return TranslatorAwarePagePermissionTester(user, self)


def submission_locale_ids(user):
    """The locales ``user`` may start translations into, or None when not limited to a translator team's.

    ``submit_translation`` is one model permission for every locale; a user holding it only through translator
    teams may start translations into those teams' languages, while one holding it otherwise (the network office)
    may translate into any.
    """
    if user.is_superuser:
        return None
    held_otherwise = (
        user.user_permissions.filter(content_type__app_label="wagtail_localize", codename="submit_translation")
        .union(
            Permission.objects.filter(
                content_type__app_label="wagtail_localize",
                codename="submit_translation",
                group__user=user,
                group__translator_team__isnull=True,
            )
        )
        .exists()
    )
    if held_otherwise:
        return None
    return set(TranslatorTeam.objects.filter(group__user=user).values_list("locale_id", flat=True))
