"""The index reads pages as stored values: the text of their streams from the JSON, with the block definitions."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import blocks
from wagtail.images.tests.utils import get_test_image_file

from citypages.blocks import BodyStreamBlock, KeyFigureBlock
from search.documents import build_entries
from search.extract import html_text, stream_text
from search.models import SearchEntry
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def test_html_text_keeps_words_apart_and_unescapes():
    assert html_text("<p>Bus&nbsp;lanes</p><p>for <b>Łódź</b> &amp; Zalău</p>") == "Bus lanes for Łódź & Zalău"
    assert html_text("<p>a</p><ul><li>one</li><li>two</li></ul>") == "a one two"


def test_a_body_gives_its_headings_paragraphs_quotes_and_alt_texts_only():
    raw = [
        {"type": "heading", "value": "Bus lanes", "id": "1"},
        {"type": "paragraph", "value": "<p>Électrique &amp; <i>partagé</i></p>", "id": "2"},
        {"type": "image", "value": {"image": 7, "decorative": False, "alt_text": "A tram at dusk"}, "id": "3"},
        {"type": "quote", "value": {"quote": "Go by bus.", "attribution": "The mayor"}, "id": "4"},
        {"type": "retired_block_type", "value": "never shown", "id": "5"},
    ]
    assert stream_text(BodyStreamBlock(), raw) == "Bus lanes Électrique & partagé A tram at dusk Go by bus. The mayor"


def test_numbers_and_dates_are_not_text_and_list_items_are_read_in_both_stored_forms():
    figures = blocks.ListBlock(KeyFigureBlock())
    current = [{"type": "item", "value": {"value": "1500.0", "label": "students hosted"}, "id": "a"}]
    older = [{"value": "12.0", "label": "cities"}]
    assert stream_text(figures, current) == "students hosted"
    assert stream_text(figures, older) == "cities"
    assert stream_text(BodyStreamBlock(), []) == "" and stream_text(BodyStreamBlock(), None) == ""


def test_entries_are_built_without_loading_the_images_their_streams_show(network_tree):
    from wagtail.images.models import Image

    image = Image.objects.create(title="Tram", file=get_test_image_file())
    city = CityPageFactory(parent=network_tree.city_index, title="Olsztyn", slug="olsztyn", country="PL")
    project = CooperationProjectPageFactory(
        parent=city, title="Trams", slug="trams", summary="New trams.", start_date=datetime.date(2024, 5, 1),
        body=[("paragraph", "<p>Twelve new trams.</p>"),
              ("image", {"image": image, "decorative": False, "alt_text": "A tram"})],
        results=[("heading", "Ridership doubled")],
    )  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        entries = {entry.page_id: entry for batch in build_entries({project.translation_key}) for entry in batch}
    assert not [query for query in queries.captured_queries if "wagtailimages" in query["sql"]]
    entry = entries[project.pk]
    assert entry.kind == SearchEntry.Kind.PROJECT and entry.date == datetime.date(2024, 5, 1) and entry.year == 2024
    assert entry.text == "Twelve new trams. A tram"  # what snippets show
    assert "Ridership doubled" in entry.extra_text and "Olsztyn" in entry.extra_text  # found, not shown


def test_an_event_is_dated_by_its_start_and_found_by_its_venue(network_tree):
    city = CityPageFactory(parent=network_tree.city_index, title="Clermont-Ferrand", slug="clermont", country="FR")
    event = EventPageFactory(
        parent=city, title="Conference", slug="conference", venue="Polydome",
        start=datetime.datetime(2026, 6, 10, 9, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2026, 6, 12, 17, 0, tzinfo=datetime.UTC),
    )  # fmt: skip
    entry = next(e for batch in build_entries({event.translation_key}) for e in batch if e.page_id == event.pk)
    assert entry.date == datetime.date(2026, 6, 10) and "Polydome" in entry.extra_text
    city_entry = next(e for batch in build_entries({city.translation_key}) for e in batch if e.page_id == city.pk)
    assert city_entry.kind == SearchEntry.Kind.CITY and "France" in city_entry.extra_text
