"""What the index reads from each page type, as stored values rather than page instances.

A rebuild reads every indexable page. Building Wagtail page instances and their stream values (which also fetches
every image a stream shows) took about a third of a 100,000-page rebuild, while the index needs only a few
columns and the text of the streams, which their stored JSON already holds. Streams are walked with their block
definitions, so only text written to be read is taken (rich text, headings, text and character blocks), as
Wagtail's ``get_searchable_content`` would; images, dates, numbers and links are left out.
"""

import json
import re
from dataclasses import dataclass, field
from html import unescape

from django.db.models import TextField
from django.db.models.functions import Cast
from wagtail import blocks

from citypages.countries import country_name
from citypages.lifecycle import derived_status
from citypages.models import CityPage, CooperationProjectPage, EventPage, NewsPage

from .models import SearchEntry

TAG = re.compile(r"<[^>]*>")
PAGE_COLUMNS = ("pk", "translation_key", "path", "title", "locale__language_code")


def html_text(html):
    """Text of an HTML fragment, tags as word breaks. (Never rendered unescaped: snippets escape it.)"""
    return " ".join(unescape(TAG.sub(" ", html)).split())


def _stored_as_block(item):
    return isinstance(item, dict) and "id" in item and "value" in item and item.get("type") == "item"


def stream_text(block, raw):
    """Plain text of ``raw``, a block's stored (JSON) value, ``block`` its definition."""
    if raw is None or raw == "":
        return ""
    if isinstance(block, blocks.RichTextBlock):
        return html_text(raw)
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return str(raw)
    if isinstance(block, blocks.StructBlock):
        if not isinstance(raw, dict):  # stored before the block became a struct
            return ""
        return " ".join(filter(None, (stream_text(child, raw.get(name)) for name, child in block.child_blocks.items())))
    if isinstance(block, blocks.StreamBlock):
        children = block.child_blocks
        return " ".join(
            filter(None, (stream_text(children[item["type"]], item.get("value")) for item in raw
                          if isinstance(item, dict) and item.get("type") in children))
        )  # fmt: skip
    if isinstance(block, blocks.ListBlock):
        # Items are stored as {"type": "item", "value": …, "id": …} since Wagtail 2.16, bare before (the test is
        # Wagtail's own, ListBlock._item_is_in_block_format).
        values = (item["value"] if _stored_as_block(item) else item for item in raw)
        return " ".join(filter(None, (stream_text(block.child_block, value) for value in values)))
    return ""


@dataclass(frozen=True)
class IndexedType:
    """Where an entry's fields come from in one page type."""

    model: type
    kind: str
    summary: str
    date: str | None = None
    status: str | None = None
    status_until: str | None = None  # a date column that ends an ongoing status (citypages.lifecycle)
    text_streams: tuple = ("body",)
    extra_streams: tuple = ()  # text that is found but not shown in snippets
    extra_columns: tuple = ()
    country: str | None = None  # a column of country codes, found by the country's name
    streams: dict = field(init=False, repr=False)

    def __post_init__(self):
        names = self.text_streams + self.extra_streams
        object.__setattr__(self, "streams", {name: self.model._meta.get_field(name).stream_block for name in names})

    def values(self, queryset):
        """``queryset`` of this type as dicts: page columns, own columns, each stream's JSON as text."""
        own = (self.summary, self.date, self.status, self.status_until, self.country, *self.extra_columns)
        columns = [column for column in own if column]
        raw = {f"{name}__json": Cast(name, output_field=TextField()) for name in self.streams}
        return queryset.values(*PAGE_COLUMNS, *columns, **raw)

    def text(self, row, names):
        parts = []
        for name in names:
            stored = row[f"{name}__json"]
            if stored:
                parts.append(stream_text(self.streams[name], json.loads(stored)))
        return " ".join(filter(None, parts))

    def date_of(self, row):
        value = row[self.date] if self.date else None
        return value.date() if hasattr(value, "date") else value

    def status_of(self, row, today):
        """The status shown on ``today``: derived from the dates where they say more than the stored one."""
        if not self.status:
            return ""
        return derived_status(row[self.status], row[self.status_until] if self.status_until else None, today)

    def extra_text(self, row):
        parts = [self.text(row, self.extra_streams), *(row[column] for column in self.extra_columns)]
        if self.country and row[self.country]:
            parts.append(str(country_name(row[self.country])))
        return [part for part in parts if part]


INDEXED_TYPES = [
    IndexedType(CooperationProjectPage, SearchEntry.Kind.PROJECT, "summary", date="start_date", status="status",
                status_until="end_date", extra_streams=("results",)),
    IndexedType(NewsPage, SearchEntry.Kind.NEWS, "summary", date="date"),
    IndexedType(EventPage, SearchEntry.Kind.EVENT, "summary", date="start", extra_columns=("venue",)),
    IndexedType(CityPage, SearchEntry.Kind.CITY, "intro",
                extra_columns=("local_name", "english_name", "region"), country="country"),
]  # fmt: skip
