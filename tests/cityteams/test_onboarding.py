"""Onboarding a city in one action, from the command line: everything it creates, and bad input refused."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Collection, GroupPagePermission, Page, WorkflowPage

from citypages.models import CityPage
from cityteams.models import CityTeam

pytestmark = pytest.mark.django_db
ARGS = ["--country", "CN", "--language", "zh-hans", "--latitude", "41.1", "--longitude", "122.99"]


def add_city(*args):
    output = StringIO()
    call_command("add_city", *args, stdout=output)
    return output.getvalue()


def snapshot():
    return (Page.objects.count(), Group.objects.count(), Collection.objects.count(), CityTeam.objects.count())


def test_add_city_creates_the_section_in_every_locale_with_its_team(network_tree):
    output = add_city("Anshan", "--local-name", "鞍山", *ARGS, "--intro", "钢铁之城。")
    assert "Added Anshan" in output

    copies = CityPage.objects.filter(slug="anshan")
    assert {copy.locale.language_code for copy in copies} == set(network_tree.locales)
    source = copies.get(alias_of__isnull=True)
    assert source.locale.language_code == "zh-hans" and source.live and source.title == "鞍山"
    assert all(copy.alias_of_id == source.pk for copy in copies.exclude(pk=source.pk))

    team = CityTeam.objects.get(city_key=source.translation_key)
    assert team.communicators.name == "Anshan - communicators"
    assert team.moderators.name == "Anshan - moderators"
    assert team.collection == source.collection and team.collection.name == "Anshan"
    assert [task.specific.groups.get() for task in team.workflow.tasks.all()] == [team.moderators]
    for copy in copies:
        granted = set(GroupPagePermission.objects.filter(page=copy).values_list("group__name", "permission__codename"))
        assert {("Anshan - communicators", "add_page"), ("Anshan - communicators", "change_page")} <= granted
        assert ("Anshan - communicators", "publish_page") not in granted
        assert ("Anshan - moderators", "publish_page") in granted
        assert WorkflowPage.objects.get(page=copy).workflow == team.workflow


def test_onboarding_twice_is_refused_and_changes_nothing(network_tree):
    add_city("Anshan", *ARGS, "--intro", "钢铁之城。")
    before = snapshot()
    with pytest.raises(CommandError, match="already exists"):
        add_city("Anshan", *ARGS, "--intro", "钢铁之城。")
    assert snapshot() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Atlantis", "--country", "XX", "--latitude", "1", "--longitude", "2", "--intro", "Lost."], "country"),
        (["  ", "--country", "FR", "--latitude", "1", "--longitude", "2", "--intro", "Nameless."], "needs a name"),
        (["Nowhere", "--country", "FR", "--latitude", "north", "--longitude", "2", "--intro", "x"], "latitude"),
        (["Nowhere", "--country", "FR", "--latitude", "95", "--longitude", "2", "--intro", "x"], "latitude"),
        (["Nowhere", "--country", "FR", "--latitude", "1", "--longitude", "2", "--intro", "  "], "introduction"),
        (
            ["Nowhere", "--country", "FR", "--language", "xx", "--latitude", "1", "--longitude", "2", "--intro", "x"],
            "Unknown language",
        ),
    ],
    ids=[
        "unknown country",
        "missing name",
        "latitude not a number",
        "latitude out of range",
        "empty intro",
        "language",
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(network_tree, args, message):
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        add_city(*args)
    assert snapshot() == before


def test_duplicate_slug_in_another_language_tree_is_refused(network_tree):
    add_city("Anshan", *ARGS, "--intro", "钢铁之城。")
    with pytest.raises(CommandError, match="slug"):
        add_city(
            "Anshan City", "--slug", "anshan", "--country", "CN", "--latitude", "1", "--longitude", "2", "--intro", "x"
        )


def test_check_permissions_finds_no_problem_after_onboarding(network_tree):
    add_city("Anshan", *ARGS, "--intro", "钢铁之城。")
    output = StringIO()
    call_command("check_permissions", "--no-progress", stdout=output)
    assert "0 problems" in output.getvalue()
