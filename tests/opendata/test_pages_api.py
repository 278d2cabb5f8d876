"""Wagtail's pages API v2: pages of every language tree, their public fields, never a contact address."""

import pytest

pytestmark = pytest.mark.django_db


def test_lists_news_of_one_language_with_their_fields(client, clermont):
    response = client.get("/api/v2/pages/", {"type": "citypages.NewsPage", "locale": "en", "fields": "date,summary"})
    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    assert set(items) == {"A hydrogen bus line", "Fête du vélo"}  # the translation, and the alias of the original
    assert items["A hydrogen bus line"]["date"] == "2026-10-01"
    assert items["A hydrogen bus line"]["meta"]["locale"] == "en"


def test_translations_of_a_page_and_city_fields(client, clermont):
    city = clermont["city"]
    response = client.get("/api/v2/pages/", {"translation_of": city.pk, "type": "citypages.CityPage", "fields": "*"})
    items = response.json()["items"]
    assert {item["meta"]["locale"] for item in items} == {"en", "zh-hans", "th"}
    assert all(item["country"] == "FR" for item in items)


def test_contact_details_are_not_exposed(client, clermont):
    project = clermont["project"]
    project.contact_email = "lead@clermont.example"
    project.save_revision().publish()
    body = client.get(f"/api/v2/pages/{project.pk}/").content.decode()
    assert "lead@clermont.example" not in body and "Covoiturage" in body
    assert client.get(f"/api/v2/pages/{project.pk}/", {"fields": "contact_email"}).status_code == 400


def test_unknown_page_type_is_a_400(client, clermont):
    assert client.get("/api/v2/pages/", {"type": "citypages.NoSuchPage"}).status_code == 400
