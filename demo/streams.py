"""Converting the demo data's plain-text blocks into StreamField values."""

from django.utils.html import escape


def body_stream(blocks):
    return [
        {"type": "heading", "value": block["text"]}
        if block["type"] == "heading"
        else {"type": "paragraph", "value": f"<p>{escape(block['text'])}</p>"}
        for block in blocks
    ]


def key_figures_stream(values, labels):
    return [
        {"type": "figure", "value": {"value": value, "label": label}}
        for value, label in zip(values, labels, strict=True)
    ]


def programme_stream(starts, items):
    return [
        {
            "type": "item",
            "value": {"start": start, "title": item["title"], "description": item.get("description", "")},
        }
        for start, item in zip(starts, items, strict=True)
    ]


def flat_strings(blocks):
    return [block["text"] for block in blocks]


def programme_strings(items):
    strings = []
    for item in items:
        strings.append(item["title"])
        if item.get("description"):
            strings.append(item["description"])
    return strings
