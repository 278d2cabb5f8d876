"""The network office's group: network-level pages, every city's section, all media, translations.

Wagtail creates two default groups with rights on the root page ("Moderators", "Editors"), which would cover
every city's section; migration 0002 turns "Moderators" into the network office and retires "Editors" when
nobody is in it. ``ensure_network_office`` (run after every migrate) completes the office's rights.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .models import NetworkOffice
from .rights import permission_ids

NETWORK_OFFICE = "Network office"
OFFICE_PAGE_ACTIONS = ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page")
OFFICE_MEDIA = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "delete_document"),
)
OFFICE_MODEL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("citypages", "add_theme"),
    ("citypages", "change_theme"),
    ("citypages", "delete_theme"),
    ("citypages", "add_organisation"),
    ("citypages", "change_organisation"),
    ("citypages", "delete_organisation"),
)


@transaction.atomic
def ensure_network_office():
    office = NetworkOffice.objects.select_related("group").first()
    if office is None:
        group, _created = Group.objects.get_or_create(name=NETWORK_OFFICE)
        office = NetworkOffice.objects.create(group=group)
    group = office.group
    ids = permission_ids({*OFFICE_MEDIA, *OFFICE_MODEL_PERMISSIONS, *(("wagtailcore", a) for a in OFFICE_PAGE_ACTIONS)})
    group.permissions.add(*(ids[pair] for pair in OFFICE_MODEL_PERMISSIONS if pair in ids))
    root = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root is None or root_collection is None:
        return group  # an emptied database (a flush): the rights are completed on the next migrate
    for action in OFFICE_PAGE_ACTIONS:
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission_id=ids[("wagtailcore", action)])
    for pair in OFFICE_MEDIA:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission_id=ids[pair]
        )
    return group


def network_office_group_id():
    return NetworkOffice.objects.values_list("group_id", flat=True).first()


def is_network_office(user):
    return user.is_superuser or user.groups.filter(network_office__isnull=False).exists()
