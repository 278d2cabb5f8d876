"""A project's status derived from its dates ("to be confirmed" once an ongoing project's end date has passed,
citypages/lifecycle.py) in the search's status facet: indexed when published, and refreshed by the nightly job when
only the date changed (search/tasks.py, manage.py nightly)."""

import datetime

import pytest
import time_machine
from django.core.management import call_command

from citypages.models import CityPage
from search.models import SearchEntry
from search.service import SearchRequest, search
from search.tasks import items_with_stale_status
from tests.citypages.factories import CooperationProjectPageFactory

pytestmark = pytest.mark.django_db
AFTER_THE_END = datetime.datetime(2027, 7, 1, 3, 0, tzinfo=datetime.UTC)


TITLE = "Biciclete electrice în Zalău"


def status_facet(**filters):
    request = SearchRequest(query="", language="en", filters={key: set(value) for key, value in filters.items()})
    response = search(request)
    return {value.value: (value.label, value.count) for value in response.facets["status"]}, response


def titles(**filters):
    return [result.title for result in status_facet(**filters)[1].results]


@pytest.fixture
def ending_project(searchable, django_capture_on_commit_callbacks):
    project = CooperationProjectPageFactory.build(
        title=TITLE, slug="biciclete", summary="Biciclete pentru elevi.", status="ongoing",
        start_date=datetime.date(2025, 9, 1), end_date=datetime.date(2027, 6, 30),
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        CityPage.objects.get(pk=searchable["zalau"].pk).add_child(instance=project)
        project.save_revision().publish()
    return project


def test_an_ongoing_project_is_indexed_as_ongoing_until_its_end(ending_project):
    facet, _response = status_facet()
    assert facet.get("to_be_confirmed", ("", 0))[1] == 0
    assert TITLE in titles(status=["ongoing"])


def test_the_nightly_job_makes_a_passed_end_date_visible_in_the_facet(ending_project):
    with time_machine.travel(AFTER_THE_END, tick=False):
        assert items_with_stale_status() == {ending_project.translation_key}
        call_command("nightly", verbosity=0)  # the immediate backend runs the refresh at once
        assert items_with_stale_status() == set()
        facet, _response = status_facet()
        assert facet["to_be_confirmed"] == ("To be confirmed", 1)
        assert titles(status=["to_be_confirmed"]) == [TITLE]
        assert TITLE not in titles(status=["ongoing"])
    entries = SearchEntry.objects.filter(translation_key=ending_project.translation_key)
    assert list(entries.values_list("status", flat=True)) == ["to_be_confirmed"]


def test_publishing_after_the_end_indexes_the_derived_status_at_once(
    ending_project, django_capture_on_commit_callbacks
):
    with time_machine.travel(AFTER_THE_END, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            ending_project.save_revision().publish()
        assert titles(status=["to_be_confirmed"]) == [TITLE]


def test_a_completed_project_is_never_refreshed(searchable):
    with time_machine.travel(AFTER_THE_END, tick=False):
        assert searchable["solar"].translation_key not in items_with_stale_status()
