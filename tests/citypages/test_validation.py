"""Editors get clear errors for inconsistent content."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from citypages.models import CooperationProjectPage, EventPage, ProjectPartnerCity
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(network_tree):
    return CityPageFactory(parent=network_tree.city_index)


def test_project_cannot_end_before_it_starts(city):
    project = CooperationProjectPageFactory(parent=city)
    project.end_date = project.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "end_date" in error.value.message_dict


def test_completed_project_needs_an_end_date(city):
    project = CooperationProjectPageFactory(parent=city)
    project.status = CooperationProjectPage.Status.COMPLETED
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "end_date" in error.value.message_dict


def test_project_from_a_conference_names_it(city):
    project = CooperationProjectPageFactory(parent=city)
    project.origin = CooperationProjectPage.Origin.CONFERENCE
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "origin_conference" in error.value.message_dict


def test_event_cannot_end_before_it_starts(city):
    event = EventPageFactory(parent=city)
    event.end = event.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict


def test_conference_needs_its_number(city):
    event = EventPageFactory(parent=city)
    event.is_network_conference = True
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "conference_number" in error.value.message_dict
    event.conference_number = 3
    event.full_clean()


def test_event_venue_city_defaults_to_its_city(city):
    assert EventPage.objects.get(pk=EventPageFactory(parent=city).pk).venue_city == city


def test_a_new_city_gets_its_own_media_collection(network_tree):
    city = CityPageFactory(parent=network_tree.city_index, title="Cuneo", english_name="Cuneo")
    assert city.collection.name == "Cuneo"
    assert city.collection.get_parent().is_root()
    french = city.copy_for_translation(network_tree.locales["fr"])
    assert french.collection_id == city.collection_id


def test_the_lead_city_cannot_be_its_own_partner(network_tree, city):
    project = CooperationProjectPageFactory(parent=city)
    with pytest.raises(ValidationError) as error:
        ProjectPartnerCity(page=project, city=city).full_clean()
    assert "city" in error.value.message_dict
    other = CityPageFactory(parent=network_tree.city_index)
    ProjectPartnerCity(page=project, city=other).full_clean()
