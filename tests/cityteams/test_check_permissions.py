"""check_permissions audits the whole site and exits non-zero on any missing or excessive right."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Locale, WorkflowPage

from citypages.models import CityPage
from cityteams.models import CityTeam

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cities(network_tree):
    for name, slug, language in (("Anshan", "anshan", "zh-hans"), ("Norman", "norman", "en")):
        call_command(
            "add_city", name, "--slug", slug, "--country", "US", "--language", language,
            "--latitude", "35.2", "--longitude", "-97.4", "--intro", "A member city.", stdout=StringIO(),
        )  # fmt: skip
    return {team.name: team for team in CityTeam.objects.all()}


def check(*args):
    output = StringIO()
    try:
        call_command("check_permissions", "--no-progress", *args, stdout=output)
    except CommandError as error:
        return output.getvalue(), str(error)
    return output.getvalue(), None


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def test_a_clean_site_has_no_problem(two_cities):
    output, error = check()
    assert error is None
    assert "Checked 2 cities (8 page copies)" in output and "0 problems" in output


def test_a_grant_on_another_citys_copy_is_excessive(two_cities):
    norman_in_french = CityPage.objects.get(slug="norman", locale__language_code="fr")
    GroupPagePermission.objects.create(
        group=two_cities["Anshan"].communicators, page=norman_in_french, permission=page_permission("change_page")
    )
    output, error = check()
    assert error and "1 problem" in error
    assert "excessive Anshan - communicators: change_page on page /fr/cities/norman/" in output


def test_a_missing_grant_on_one_locale_copy_is_reported(two_cities):
    thai_copy = CityPage.objects.get(slug="anshan", locale__language_code="th")
    GroupPagePermission.objects.filter(group=two_cities["Anshan"].moderators, page=thai_copy).delete()
    WorkflowPage.objects.filter(page=thai_copy).delete()
    output, error = check()
    assert "missing   Anshan - moderators: publish_page on page /th/cities/anshan/" in output
    assert "moderation workflow “Anshan” on page /th/cities/anshan/" in output
    assert error and "6 problems" in error  # add, change, publish, lock, unlock, and the workflow


def test_a_group_with_rights_over_every_city_is_reported(two_cities):
    editors = Group.objects.create(name="Editors")
    home = CityPage.objects.get(slug="anshan", locale__language_code="en").get_parent().get_parent()
    GroupPagePermission.objects.create(group=editors, page=home, permission=page_permission("change_page"))
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=two_cities["Norman"].collection,
        permission=Permission.objects.get(codename="choose_image"),
    )
    output, error = check()
    assert "excessive Editors: change_page on page /en/, over cities' sections" in output
    assert "excessive Editors: choose_image on collection Norman" in output
    assert error


def test_media_rights_are_audited_too(two_cities):
    anshan = two_cities["Anshan"]
    GroupCollectionPermission.objects.filter(group=anshan.communicators, collection=anshan.collection).delete()
    GroupCollectionPermission.objects.create(
        group=anshan.communicators,
        collection=two_cities["Norman"].collection,
        permission=Permission.objects.get(codename="add_image"),
    )
    output, error = check()
    assert "missing   Anshan - communicators: add_image on collection Anshan" in output
    assert "excessive Anshan - communicators: add_image on collection Norman" in output


def test_fix_repairs_city_teams_but_only_reports_other_groups(two_cities):
    anshan = two_cities["Anshan"]
    GroupPagePermission.objects.filter(group=anshan.moderators).delete()
    GroupPagePermission.objects.create(
        group=anshan.moderators,
        page=CityPage.objects.get(slug="norman", locale__language_code="en"),
        permission=page_permission("publish_page"),
    )
    editors = Group.objects.create(name="Editors")
    GroupPagePermission.objects.create(
        group=editors, page=CityPage.objects.get(slug="norman", locale__language_code="en"),
        permission=page_permission("change_page"),
    )  # fmt: skip
    output, error = check("--fix")
    assert "Anshan" not in output
    assert "excessive Editors" in output and "1 problem" in error
    assert GroupPagePermission.objects.filter(group=editors).exists()


def test_rights_follow_a_city_into_a_new_locale(two_cities, network_tree):
    german = Locale.objects.create(language_code="de")
    network_tree.home.copy_for_translation(german).save_revision().publish()
    network_tree.city_index.copy_for_translation(german).save_revision().publish()
    anshan = CityPage.objects.get(slug="anshan", alias_of__isnull=True)
    german_copy = anshan.copy_for_translation(german, alias=True)
    assert GroupPagePermission.objects.filter(group=two_cities["Anshan"].moderators, page=german_copy).count() == 5
    assert WorkflowPage.objects.get(page=german_copy).workflow == two_cities["Anshan"].workflow
    _output, error = check()
    assert error is None
