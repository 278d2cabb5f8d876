"""Checks of one item of the demo data, shared by ``content.py``'s checks of the whole network: texts in every
locale shaped like the source (the loader pairs strings by position), dates that parse, cities that exist."""

LOCALES = ("en", "fr", "es", "pt", "de", "it", "pl", "ro", "hu", "zh-hans", "th")


def block_shape(blocks):
    return [block["type"] for block in blocks]


def translatable_strings(entry):
    """The strings of one text entry, by field, in the order the page stores them.

    Translations are paired with their source by (field, position), so two entries of the same item
    must yield lists of the same lengths.
    """
    strings = {}
    for name, value in entry.items():
        if isinstance(value, str):
            strings[name] = [value]
        elif isinstance(value, list):
            items = []
            for item in value:
                if isinstance(item, str):
                    items.append(item)
                elif "text" in item:
                    items.append(item["text"])
                else:
                    items.extend(item[key] for key in ("title", "description") if item.get(key))
            strings[name] = items
    return strings


def check_text(where, item, required, problems, required_locales=()):
    """Texts in the source and required locales, every entry's required fields filled, each shaped like the
    source's."""
    texts = item.get("text") or {}
    source = item.get("source_locale")
    _check_text_fields(where, texts, source, required, required_locales, problems)
    if source in texts:
        _check_text_shapes(where, texts, source, problems)


def _check_text_fields(where, texts, source, required, required_locales, problems):
    """A text entry in the source and every required locale, only known locales, no empty required field."""
    for locale in (source, *required_locales):
        if locale and locale not in texts:
            problems.append(f"{where}: no text in {locale!r}")
    for locale, entry in texts.items():
        if locale not in LOCALES:
            problems.append(f"{where}: unknown locale {locale!r}")
            continue
        for key in required:
            if not entry.get(key):
                problems.append(f"{where} [{locale}]: {key!r} is empty")


def _check_text_shapes(where, texts, source, problems):
    """Every entry has as many strings per field as the source's, and the same block types in its StreamFields."""
    reference = translatable_strings(texts[source])
    for locale, entry in texts.items():
        strings = translatable_strings(entry)
        for key, values in reference.items():
            if len(strings.get(key, [])) != len(values):
                problems.append(f"{where} [{locale}]: {key!r} has another shape than the source")
        for key in ("body", "results"):
            if key in entry and block_shape(entry[key]) != block_shape(texts[source].get(key, [])):
                problems.append(f"{where} [{locale}]: {key!r} blocks differ from the source")


def check_city(where, item, city_key, rows, problems):
    if item.get(city_key) not in rows:
        problems.append(f"{where}: unknown city {item.get(city_key)!r}")
    elif item.get("source_locale") != rows[item[city_key]]["locale"]:
        problems.append(f"{where}: source_locale is not the city's locale")


def parse(where, value, parser, problems):
    try:
        return parser(value)
    except (TypeError, ValueError):
        problems.append(f"{where}: bad date {value!r}")
        return None


def check_texts_of(where, item, items, text_key, max_length, problems):
    """One non-empty string of at most ``max_length`` characters per entry of ``items``, in every text entry:
    the loader pairs them by position."""
    for locale, entry in (item.get("text") or {}).items():
        texts = entry.get(text_key, [])
        if len(texts) != len(items):
            problems.append(f"{where} [{locale}]: {len(texts)} {text_key} for {len(items)} items, one each expected")
        for text in texts:
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where} [{locale}]: empty {text_key} entry")
            elif len(text) > max_length:
                problems.append(f"{where} [{locale}]: {text_key} entry longer than {max_length} characters")
