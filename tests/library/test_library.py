"""The documents library, as visitors use it over HTTP: by collection, kind, language and year, searchable and
paged; private collections stay out; the declaration's page offers its signed text."""

import datetime
import re

import pytest
from wagtail.models import Collection, CollectionViewRestriction

from cityteams.rights import network_collection
from demo.pdf import pdf_document, writable
from library import listing
from tests.commitments.factories import DeclarationIndexPageFactory, DeclarationPageFactory
from tests.library.factories import NetworkDocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(network_tree):
    network = network_collection()
    clermont = Collection.get_first_root_node().add_child(name="Clermont-Ferrand")
    declaration = NetworkDocumentFactory(
        title="Querétaro Declaration", kind="declaration", language="es", date=datetime.date(2022, 3, 17),
        collection=network, description="A joint commitment to climate neutrality.",
    )  # fmt: skip
    NetworkDocumentFactory(title="Cross residencies: first year", collection=clermont, language="fr")
    NetworkDocumentFactory(title="Conference programme", kind="conference_report", collection=network)
    return {"declaration": declaration, "network": network, "clermont": clermont}


def listed(client, address):
    response = client.get(address)
    return response.status_code, re.findall(
        r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def test_the_library_lists_every_document_newest_first_with_what_it_is(client, library):
    status, titles = listed(client, "/en/documents/")
    assert status == 200 and titles[-1] == "Querétaro Declaration"
    html = client.get("/fr/documents/").content.decode()
    assert "espagnol" in html and "17 mars 2022" in html and "PDF" in html  # language and date as French writes them
    assert "Bureau du réseau" in html or "Network office" in html


def test_filters_by_collection_kind_language_and_year(client, library):
    assert listed(client, f"/en/documents/?collection={library['clermont'].pk}")[1] == ["Cross residencies: first year"]
    assert listed(client, "/en/documents/?kind=declaration")[1] == ["Querétaro Declaration"]
    assert listed(client, "/en/documents/?language=fr")[1] == ["Cross residencies: first year"]
    assert listed(client, "/en/documents/?year=2022")[1] == ["Querétaro Declaration"]


def test_the_library_is_searchable(client, library):
    assert listed(client, "/en/documents/?q=climate")[1] == ["Querétaro Declaration"]
    assert listed(client, "/en/documents/?q=residencies")[1] == ["Cross residencies: first year"]


@pytest.mark.parametrize("query", ["kind=poem", "language=xx", "year=20x2", "collection=999999", "page=0"])
def test_a_value_outside_its_domain_is_a_400_listing_everything(client, library, query):
    status, titles = listed(client, f"/en/documents/?{query}")
    assert status == 400 and len(titles) == 3


def test_the_library_is_paged(client, library, monkeypatch):
    monkeypatch.setattr(listing, "LIBRARY_PAGE_SIZE", 2)
    html = client.get("/en/documents/").content.decode()
    assert "Page 1 of 2" in html and 'href="?page=2"' in html
    assert client.get("/en/documents/?page=3").status_code == 404


def test_documents_of_a_private_collection_stay_out(client, library):
    CollectionViewRestriction.objects.create(collection=library["clermont"], restriction_type="login")
    assert "Cross residencies: first year" not in listed(client, "/en/documents/")[1]


def test_a_declaration_offers_its_signed_text_for_download(client, library, network_tree):
    index = DeclarationIndexPageFactory(parent=network_tree.home)
    page = DeclarationPageFactory(parent=index, document=library["declaration"])
    html = client.get(page.url).content.decode()
    assert f'href="{library["declaration"].url}" hreflang="es">Download the signed text</a>' in html
    assert "(PDF" in html and "Spanish" in html


def test_demo_pdfs_are_well_formed_and_written_only_in_what_their_font_can_write():
    data = pdf_document("Déclaration", [("title", "Déclaration (2022)"), ("paragraph", "Engagements " * 400)])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    table = data[data.index(b"\nxref\n") + 1 :].split(b"\n")
    count = int(table[1].split()[1])
    for number, row in enumerate(table[3 : 2 + count], start=1):  # every offset points at its object
        offset = int(row.split()[0])
        assert data[offset:].startswith(b"%d 0 obj" % number)
    assert data.count(b"/Type /Page ") >= 2  # the long text goes on to further pages
    assert writable("Querétaro, Düsseldorf") and not writable("Łódź") and not writable("鞍山")


def test_a_new_document_is_listed_on_the_next_visit_though_the_library_was_cached(library):
    from django.test import Client

    visitor = Client()
    visitor.get("/en/documents/")
    assert visitor.get("/en/documents/").get("X-Page-Cache") == "hit"
    NetworkDocumentFactory(title="Charter of the network", kind="charter", collection=library["network"])
    assert "Charter of the network" in visitor.get("/en/documents/").content.decode()


def test_a_document_file_is_never_served_from_the_page_cache(library):
    from django.test import Client

    visitor = Client()
    url = library["declaration"].url
    visitor.get(url)  # (a 404 here: the test storage keeps no file; a 404 would be cached too, were it cacheable)
    assert visitor.get(url).get("X-Page-Cache") != "hit"  # Wagtail checks its collection's privacy each time
