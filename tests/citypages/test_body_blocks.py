"""A body's blank paragraph is dropped on save, not refused: an editor's first submit no longer fails on it."""

import pytest
from django.utils.html import strip_tags
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from citypages.blocks import BodyStreamBlock
from tests.citypages.factories import CityPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_blank_paragraphs_are_dropped_and_the_rest_kept():
    block = BodyStreamBlock()
    value = block.to_python(
        [
            {"type": "paragraph", "value": "<p></p>"},
            {"type": "heading", "value": "Programme"},
            {"type": "paragraph", "value": "<p> <br/> </p>"},
            {"type": "paragraph", "value": "<p>Three days of workshops.</p>"},
        ]
    )
    cleaned = block.clean(value)
    assert [(child.block_type, str(child.value)) for child in cleaned] == [
        ("heading", "Programme"),
        ("paragraph", "<p>Three days of workshops.</p>"),
    ]


def test_submitting_a_news_item_with_a_blank_paragraph_saves_it_without_it(office, network_tree):
    city = CityPageFactory(parent=network_tree.city_index, title="Clermont-Ferrand", slug="clermont-ferrand")
    news = NewsPageFactory(parent=city, title="Festival", slug="festival")
    data = nested_form_data(
        {
            "title": "Festival du carnet de voyage", "slug": "festival", "date": "2025-11-14",
            "summary": "Four artists of the network.",
            "body": streamfield([("paragraph", rich_text("")), ("paragraph", rich_text("<p>They draw the city.</p>"))]),
            "page_themes": inline_formset([]), "related_cities": inline_formset([]),
            "related_projects": inline_formset([]), "comments": inline_formset([]),
        }
    )  # fmt: skip
    response = office.post(f"/admin/pages/{news.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    news.refresh_from_db()
    body = news.get_latest_revision_as_object().body
    assert [(child.block_type, strip_tags(str(child.value))) for child in body] == [
        ("paragraph", "They draw the city.")
    ]
