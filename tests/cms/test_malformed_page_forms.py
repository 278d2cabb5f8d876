"""A page edit POST the editor's script would never send (bookkeeping fields missing or garbled) is a form error:
the edit page again, with the reason, and nothing saved. Never a 500."""

import pytest
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.citypages.factories import (
    CityIndexPageFactory,
    CityPageFactory,
    CooperationProjectPageFactory,
    EventPageFactory,
    NewsPageFactory,
)
from tests.commitments.factories import DeclarationIndexPageFactory, DeclarationPageFactory
from tests.home.factories import HomePageFactory, NetworkPageFactory

pytestmark = pytest.mark.django_db

UNREADABLE = "This content arrived incomplete and was not saved."


def build_one_page_of_each_type():
    """One page of every page type that has a StreamField, keyed by model."""
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="malformed-home")
    city = CityPageFactory(parent=CityIndexPageFactory(parent=home))
    pages = [
        home,
        city,
        CooperationProjectPageFactory(parent=city),
        NewsPageFactory(parent=city),
        EventPageFactory(parent=city),
        DeclarationPageFactory(parent=DeclarationIndexPageFactory(parent=home)),
        NetworkPageFactory(parent=home),
    ]
    return {type(page): page for page in pages}


def news_page():
    return NewsPageFactory(parent=HomePageFactory(parent=Page.get_first_root_node(), slug="malformed-home"))


def stream_field_page_models():
    return {
        model
        for model in get_page_models()
        if any(isinstance(field, StreamField) for field in model._meta.get_fields())
    }


def assert_refused_unsaved(response, page):
    assert response.status_code == 200, page
    assert UNREADABLE in response.content.decode(), page
    assert "The page could not be saved due to validation errors." in response.content.decode()
    assert page.revisions.count() == 0, page


def test_every_stream_field_without_its_count_is_a_form_error(office):
    pages = build_one_page_of_each_type()
    assert set(pages) == stream_field_page_models(), "add a page of the new type to build_one_page_of_each_type"
    for page in pages.values():
        # Neither the StreamFields' counts nor the inline panels' management forms: both are checked.
        response = office.post(f"/admin/pages/{page.pk}/edit/", {"title": "Broken", "slug": page.slug})
        assert_refused_unsaved(response, page)
        assert Page.objects.get(pk=page.pk).title != "Broken"


@pytest.mark.parametrize(
    "garble",
    [
        {"body-count": "two"},  # a count that is no number
        {"body-0-type": None},  # an item without its block type
        {"body-0-order": "first"},  # a position that is no number
    ],
)
def test_a_garbled_stream_item_is_a_form_error(office, garble):
    news = news_page()
    data = _news_form(news)
    for key, value in garble.items():
        data.pop(key) if value is None else data.__setitem__(key, value)
    assert_refused_unsaved(office.post(f"/admin/pages/{news.pk}/edit/", data), news)


def test_the_same_form_well_formed_is_saved(office):
    news = news_page()
    response = office.post(f"/admin/pages/{news.pk}/edit/", _news_form(news))
    assert response.status_code == 302 and news.revisions.count() == 1


def test_an_inline_panel_without_its_management_form_is_a_form_error(office):
    news = news_page()
    data = {key: value for key, value in _news_form(news).items() if not key.startswith("page_themes-")}
    response = office.post(f"/admin/pages/{news.pk}/edit/", data)
    assert response.status_code == 200 and news.revisions.count() == 0
    assert "The page could not be saved due to validation errors." in response.content.decode()


def _news_form(news):
    return nested_form_data(
        {
            "title": news.title, "slug": news.slug, "date": news.date.isoformat(), "summary": news.summary,
            "body": streamfield([("paragraph", rich_text("<p>The story.</p>"))]),
            "page_themes": inline_formset([]), "related_cities": inline_formset([]),
            "related_projects": inline_formset([]), "comments": inline_formset([]),
        }
    )  # fmt: skip
