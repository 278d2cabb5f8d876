"""Issue 19, part 3: a summary is plain text, and reaches feed readers as text, never as live markup."""

import html
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from tests.citypages.factories import CityPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SUMMARY = "\"'><script>alert(1)</script><img src=x onerror=alert(2)> & more"
TITLE = "<b>Bold</b> & <i>news</i>"


class ElementCollector(HTMLParser):
    """The elements a feed reader would build from an HTML field."""

    def __init__(self, text):
        super().__init__()
        self.elements = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_a_summary_with_markup_reaches_readers_as_text(client, network_tree, feed):
    city = CityPageFactory(parent=network_tree.city_index, title="Greenville", slug="greenville", country="US")
    NewsPageFactory(parent=city, title=TITLE, slug="markup", summary=SUMMARY)
    root = ET.fromstring(client.get(f"/en/feeds/latest.{feed}").content)
    if feed == "rss":
        item = root.find("channel/item")
        title, description = item.find("title"), item.find("description")
    else:
        item = root.find(f"{ATOM}entry")
        title, description = item.find(f"{ATOM}title"), item.find(f"{ATOM}summary")
        assert description.get("type") == "html"
        assert title.get("type", "text") == "text"
    # The field is HTML: read as a reader reads it, it holds no element, and shows the summary as typed.
    assert description.text == html.escape(SUMMARY)
    assert ElementCollector(description.text).elements == []
    assert html.unescape(description.text) == SUMMARY
    # Titles are text fields: the title arrives as typed (XML-escaped on the wire, as it must be).
    assert title.text == TITLE
