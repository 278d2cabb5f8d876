"""Editorial rights of a city's communicators: their city's pages in every locale, and their collection."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def communicators_group_name(city_page):
    return f"{city_page.english_name} - communicators"


def grant_city_communicators(city_page):
    """Create (or complete) the city's communicators group; returns it.

    Wagtail grants page permissions per page copy, and each locale has its own copy of the city's page,
    so the grant is made on every copy that shares the city's translation key.
    """
    group, _created = Group.objects.get_or_create(name=communicators_group_name(city_page))
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    page_permissions = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS)
    for copy in Page.objects.filter(translation_key=city_page.translation_key):
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=copy, permission=permission)
    if city_page.collection_id:
        for app_label, codename in MEDIA_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection_id=city_page.collection_id,
                permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
            )
    return group
