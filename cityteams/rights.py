"""What each city group should hold, and making the database hold exactly that.

Wagtail attaches page permissions to page copies and every locale has its own copy of a city's page, so a
city's rights are one grant per copy, per group and per action. ``expected_rights`` states them for a team;
``apply_team_rights`` adds what is missing and removes what is not expected (for that team's groups only), so it
can run after anything that creates, translates, aliases, moves or deletes a copy; ``cityteams.audit`` compares
the same two sets across the whole site.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, WorkflowPage

from cms.tree import HOME_PAGE_DEPTH

COMMUNICATOR_PAGE_ACTIONS = ("add_page", "change_page")  # they submit; moderators publish
MODERATOR_PAGE_ACTIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
COMMUNICATOR_MEDIA = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
MODERATOR_MEDIA = (*COMMUNICATOR_MEDIA, ("wagtailimages", "delete_image"), ("wagtaildocs", "delete_document"))
# The shared "Network" collection (logos, network photos): every city may use it, none may change it.
SHARED_MEDIA = (("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document"))
TEAM_MODEL_PERMISSIONS = (("wagtailadmin", "access_admin"),)
NETWORK_COLLECTION = "Network"


@dataclass(frozen=True, order=True)
class Right:
    """One permission of one group on one page copy, collection, or (``object_id`` None) globally."""

    group_id: int
    kind: str  # "page" | "collection" | "model"
    object_id: int | None
    permission_id: int


def permission_ids(pairs):
    """{(app_label, codename): id} for ``pairs``, in one query."""
    wanted = set(pairs)
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _codename in wanted}, codename__in={c for _app, c in wanted}
    ).values_list("content_type__app_label", "codename", "pk")
    return {(app, codename): pk for app, codename, pk in found if (app, codename) in wanted}


def page_permission_ids(codenames):
    ids = permission_ids(("wagtailcore", codename) for codename in codenames)
    return [ids[("wagtailcore", codename)] for codename in codenames]


def network_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=NETWORK_COLLECTION).first() or root.add_child(name=NETWORK_COLLECTION)


def city_copies(team):
    return Page.objects.filter(translation_key=team.city_key, depth__gt=HOME_PAGE_DEPTH).order_by("path")


def expected_rights(team, copy_ids=None, shared_collection_id=None):
    """Every right the team's two groups should hold, and nothing else."""
    copy_ids = list(city_copies(team).values_list("pk", flat=True)) if copy_ids is None else copy_ids
    shared_collection_id = shared_collection_id or network_collection().pk
    media = permission_ids({*MODERATOR_MEDIA, *TEAM_MODEL_PERMISSIONS})
    rights = set()
    for group_id, page_actions, own_media in (
        (team.communicators_id, COMMUNICATOR_PAGE_ACTIONS, COMMUNICATOR_MEDIA),
        (team.moderators_id, MODERATOR_PAGE_ACTIONS, MODERATOR_MEDIA),
    ):
        for permission_id in page_permission_ids(page_actions):
            rights.update(Right(group_id, "page", copy_id, permission_id) for copy_id in copy_ids)
        rights.update(Right(group_id, "collection", team.collection_id, media[pair]) for pair in own_media)
        rights.update(Right(group_id, "collection", shared_collection_id, media[pair]) for pair in SHARED_MEDIA)
        rights.update(Right(group_id, "model", None, media[pair]) for pair in TEAM_MODEL_PERMISSIONS)
    return rights


def actual_rights(group_ids):
    """Every right the groups hold: page grants, collection grants and model permissions."""
    rights = {
        Right(group_id, "page", page_id, permission_id)
        for group_id, page_id, permission_id in GroupPagePermission.objects.filter(group_id__in=group_ids).values_list(
            "group_id", "page_id", "permission_id"
        )
    }
    rights.update(
        Right(group_id, "collection", collection_id, permission_id)
        for group_id, collection_id, permission_id in GroupCollectionPermission.objects.filter(
            group_id__in=group_ids
        ).values_list("group_id", "collection_id", "permission_id")
    )
    through = Permission.group_set.through
    rights.update(
        Right(group_id, "model", None, permission_id)
        for group_id, permission_id in through.objects.filter(group_id__in=group_ids).values_list(
            "group_id", "permission_id"
        )
    )
    return rights


@transaction.atomic
def apply_team_rights(team):
    """Make the team's groups hold exactly their expected rights, and put every copy under the team's workflow.

    Returns (rights added, rights removed)."""
    copy_ids = list(city_copies(team).values_list("pk", flat=True))
    expected = expected_rights(team, copy_ids)
    actual = actual_rights(team.group_ids)
    missing, excessive = expected - actual, actual - expected
    for right in missing:
        _grant(right)
    for right in excessive:
        _revoke(right)
    for copy_id in copy_ids:
        WorkflowPage.objects.update_or_create(page_id=copy_id, defaults={"workflow": team.workflow})
    return missing, excessive


def _grant(right):
    if right.kind == "page":
        GroupPagePermission.objects.get_or_create(
            group_id=right.group_id, page_id=right.object_id, permission_id=right.permission_id
        )
    elif right.kind == "collection":
        GroupCollectionPermission.objects.get_or_create(
            group_id=right.group_id, collection_id=right.object_id, permission_id=right.permission_id
        )
    else:
        Permission.group_set.through.objects.get_or_create(group_id=right.group_id, permission_id=right.permission_id)


def _revoke(right):
    if right.kind == "page":
        GroupPagePermission.objects.filter(
            group_id=right.group_id, page_id=right.object_id, permission_id=right.permission_id
        ).delete()
    elif right.kind == "collection":
        GroupCollectionPermission.objects.filter(
            group_id=right.group_id, collection_id=right.object_id, permission_id=right.permission_id
        ).delete()
    else:
        Permission.group_set.through.objects.filter(group_id=right.group_id, permission_id=right.permission_id).delete()
