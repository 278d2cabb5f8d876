"""Audit of the whole site's editorial rights: what ``check_permissions`` reports.

For every city team, the rights its groups hold are compared with ``expected_rights`` (page grants on every copy,
collections, model permissions) and every copy is checked to be under the team's workflow; translator teams are
compared with their locale-root grants; any other group holding rights over a city's section, a city's
collection or the whole media library is reported, except the network office.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, WorkflowPage

from citypages.models import CityPage
from translations.models import TranslatorTeam
from translations.permissions import TEAM_PAGE_PERMISSIONS, TEAM_PERMISSIONS, locale_roots

from .models import CityTeam
from .network import network_office_group_id
from .rights import Right, actual_rights, city_copies, expected_rights, network_collection, permission_ids

MISSING = "missing"
EXCESSIVE = "excessive"


@dataclass(frozen=True)
class Problem:
    kind: str  # MISSING | EXCESSIVE
    group: str
    description: str


@dataclass
class AuditResult:
    problems: list
    cities: int = 0
    copies: int = 0
    groups: int = 0


class _Names:
    """Readable names for the rights in a report, fetched once."""

    def __init__(self):
        self.groups = dict(Group.objects.values_list("pk", "name"))
        self.permissions = dict(Permission.objects.values_list("pk", "codename"))
        self.collections = dict(Collection.objects.values_list("pk", "name"))
        self._pages = {}

    def page(self, page_id):
        """The copy's public URL (its language is in the prefix), or its tree path when it has none."""
        if page_id not in self._pages:
            page = Page.objects.filter(pk=page_id).select_related("locale").first()
            if page is None:
                self._pages[page_id] = f"#{page_id}"
            else:
                self._pages[page_id] = page.get_url() or f"{page.url_path} ({page.locale.language_code})"
        return self._pages[page_id]

    def right(self, right):
        permission = self.permissions.get(right.permission_id, right.permission_id)
        if right.kind == "page":
            return _("%(permission)s on page %(page)s") % {"permission": permission, "page": self.page(right.object_id)}
        if right.kind == "collection":
            collection = self.collections.get(right.object_id, right.object_id)
            return _("%(permission)s on collection %(collection)s") % {
                "permission": permission,
                "collection": collection,
            }
        return _("%(permission)s (everywhere)") % {"permission": permission}


def audit(progress=None):
    """Every problem found; ``progress`` is called once per city team checked."""
    names = _Names()
    result = AuditResult(problems=[])
    shared_collection_id = network_collection().pk
    teams = list(CityTeam.objects.all())
    team_keys = {team.city_key for team in teams}
    for city in CityPage.objects.filter(alias_of__isnull=True).exclude(translation_key__in=team_keys).order_by("pk"):
        if city.translation_key not in team_keys:  # once per city, not per translated copy
            team_keys.add(city.translation_key)
            result.problems.append(Problem(MISSING, city.title, _("this city has no team (--fix creates it)")))
    for team in teams:
        copy_ids = list(city_copies(team).values_list("pk", flat=True))
        result.cities += 1
        result.copies += len(copy_ids)
        _compare(result, names, expected_rights(team, copy_ids, shared_collection_id), actual_rights(team.group_ids))
        _check_workflow(result, names, team, copy_ids)
        if progress:
            progress(team)
    _check_translator_teams(result, names)
    _check_other_groups(result, names, teams)
    return result


def _compare(result, names, expected, actual):
    for right in sorted(expected - actual):
        result.problems.append(Problem(MISSING, names.groups.get(right.group_id, "?"), names.right(right)))
    for right in sorted(actual - expected):
        result.problems.append(Problem(EXCESSIVE, names.groups.get(right.group_id, "?"), names.right(right)))
    result.groups += len({right.group_id for right in expected | actual})


def _check_workflow(result, names, team, copy_ids):
    assigned = dict(WorkflowPage.objects.filter(page_id__in=copy_ids).values_list("page_id", "workflow_id"))
    for copy_id in copy_ids:
        if assigned.get(copy_id) != team.workflow_id:
            description = _("moderation workflow “%(workflow)s” on page %(page)s") % {
                "workflow": team.workflow.name,
                "page": names.page(copy_id),
            }
            result.problems.append(Problem(MISSING, team.name, description))
    approvers = set(
        team.workflow.tasks.filter(groupapprovaltask__isnull=False).values_list("groupapprovaltask__groups", flat=True)
    )
    if approvers != {team.moderators_id}:
        result.problems.append(
            Problem(
                EXCESSIVE if approvers - {team.moderators_id} else MISSING,
                team.name,
                _("approvers of “%(workflow)s” should be its moderators only") % {"workflow": team.workflow.name},
            )
        )


def _check_translator_teams(result, names):
    model_ids = permission_ids(TEAM_PERMISSIONS)
    page_ids = permission_ids(("wagtailcore", codename) for codename in TEAM_PAGE_PERMISSIONS)
    for team in TranslatorTeam.objects.select_related("locale"):
        expected = {Right(team.group_id, "model", None, pk) for pk in model_ids.values()}
        expected.update(
            Right(team.group_id, "page", root_id, pk)
            for root_id in locale_roots(team.locale).values_list("pk", flat=True)
            for pk in page_ids.values()
        )
        _compare(result, names, expected, actual_rights({team.group_id}))


def _check_other_groups(result, names, teams):
    known = {group_id for team in teams for group_id in team.group_ids}
    known.update(TranslatorTeam.objects.values_list("group_id", flat=True))
    known.add(network_office_group_id())
    city_paths = list(CityPage.objects.values_list("path", flat=True))
    city_collections = {team.collection_id for team in teams} | {Collection.get_first_root_node().pk}
    grants = GroupPagePermission.objects.exclude(group_id__in=known).values_list(
        "group_id", "page_id", "page__path", "permission_id"
    )
    for group_id, page_id, path, permission_id in grants:
        if any(city.startswith(path) or path.startswith(city) for city in city_paths):
            right = Right(group_id, "page", page_id, permission_id)
            description = _("%(right)s, over cities' sections") % {"right": names.right(right)}
            result.problems.append(Problem(EXCESSIVE, names.groups[group_id], description))
    media = GroupCollectionPermission.objects.exclude(group_id__in=known).filter(collection_id__in=city_collections)
    for group_id, collection_id, permission_id in media.values_list("group_id", "collection_id", "permission_id"):
        right = Right(group_id, "collection", collection_id, permission_id)
        result.problems.append(Problem(EXCESSIVE, names.groups[group_id], names.right(right)))
