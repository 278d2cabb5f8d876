"""The UI speaks all 11 languages: every catalogue is complete, compiled, and not English copied through."""

import re
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation.template import templatize

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def catalogue_path(code):
    return LOCALE_DIR / translation.to_locale(code) / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_string_is_translated(code):
    catalogue = polib.pofile(str(catalogue_path(code)))
    missing = [entry.msgid for entry in catalogue if not entry.translated() or entry.obsolete is True]
    assert not missing, f"{code}: untranslated {missing[:5]}"
    assert not catalogue.fuzzy_entries(), f"{code}: fuzzy entries"


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_sentence_is_english_copied_through(code):
    """Single words may legitimately be the same (French "Image"), and so may a pattern of placeholders alone; a
    phrase or sentence may not."""
    copied = [
        entry.msgid
        for entry in polib.pofile(str(catalogue_path(code)))
        if entry.msgstr == entry.msgid and len(re.findall(r"\w+", re.sub(r"%\(\w+\)[sd]", "", entry.msgid))) > 2
    ]
    assert not copied, f"{code}: copied through {copied[:5]}"


def test_catalogues_cover_every_marked_string(tmp_path):
    """A string marked in code or templates but missing from the catalogues fails here."""
    expected = {entry.msgid for entry in polib.pofile(str(catalogue_path("fr")))}
    pot = tmp_path / "django.pot"
    sources = [str(p) for p in Path(settings.BASE_DIR).glob("*/**/*.py") if not _ignored(p)]
    for number, template in enumerate(p for p in Path(settings.BASE_DIR).glob("*/**/*.html") if not _ignored(p)):
        converted = tmp_path / f"template_{number}.py"
        converted.write_text(templatize(template.read_text(encoding="utf-8"), origin=str(template)), encoding="utf-8")
        sources.append(str(converted))
    subprocess.run(
        ["xgettext", "--language=Python", "--from-code=UTF-8", "--keyword=gettext_lazy", "--keyword=_",
         "--keyword=gettext", "--keyword=ngettext:1,2", "--keyword=pgettext:1c,2", "--keyword=npgettext:1c,2,3",
         "-o", str(pot), *sources],
        check=True,
    )  # fmt: skip
    marked = {entry.msgid for entry in polib.pofile(str(pot))} - {""}
    assert marked <= expected, sorted(marked - expected)[:10]


def _ignored(path):
    parts = Path(path).relative_to(settings.BASE_DIR).parts
    return parts[0] in {".venv", "var", "tests", "benchmarks", "locale", "node_modules"} or "migrations" in parts


@pytest.mark.parametrize("code", LANGUAGES)
def test_compiled_catalogue_matches_its_source(code):
    po = polib.pofile(str(catalogue_path(code)))
    mo = polib.mofile(str(catalogue_path(code).with_suffix(".mo")))
    # Keyed by context too: "kind" of a document and "kind" of a contribution are two messages.
    assert {(e.msgctxt, e.msgid): e.msgstr for e in po if e.msgstr} == {
        (e.msgctxt, e.msgid): e.msgstr for e in mo if e.msgid and e.msgstr
    }


@pytest.mark.parametrize(("code", "expected"), [("fr", "Villes membres"), ("zh-hans", "成员城市"), ("th", "เมืองสมาชิก")])
def test_the_interface_is_served_in_the_visitors_language(code, expected):
    with translation.override(code):
        assert translation.gettext("Member cities") == expected
