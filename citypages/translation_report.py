"""The translation report: per city and language, what readers of that language miss or get out of date.

wagtail-localize's Reports › Translations lists translation records; pages nobody has started translating (the
aliases of a synchronised tree) are not there at all, and nothing groups by city. This report starts from the
pages of each city's section.
"""

from collections import Counter, defaultdict

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from cms.tree import CITY_PAGE_DEPTH, city_path_expression
from translations.status import (
    IN_PROGRESS,
    LABELS,
    MISSING,
    NEEDS_WORK,
    OUT_OF_DATE,
    SYMBOLS,
    start_translation_url,
    statuses_for,
)

from .models import CityPage


def section_originals(city_key=None):
    """One row per item of a city section (city pages included): its original copy, with its city's key.
    Every city's, or only those of the city with translation key ``city_key``."""
    cities = CityPage.objects.values("path", "translation_key", "title", "locale_id")
    if city_key is not None:
        cities = cities.filter(translation_key=city_key)
    cities = {row["path"]: row for row in cities}
    in_sections = Q()
    if city_key is not None:  # one city: its copies in the locales (11), not every city's
        in_sections = Q(pk__in=[])
        for path in cities:
            in_sections |= Q(path__startswith=path)
    pages = (
        Page.objects.filter(in_sections, depth__gte=CITY_PAGE_DEPTH, alias_of__isnull=True)
        .annotate(city_path=city_path_expression())
        .only("pk", "title", "translation_key", "locale_id", "content_type", "path")
        .order_by("path")
    )
    seen, originals = set(), []
    for page in pages:
        # Several non-alias copies can share a key (translations); keep the first one met in tree order, and
        # below, let the status table say which copy is the original.
        if page.translation_key in seen or page.city_path not in cities:
            continue
        seen.add(page.translation_key)
        page.city_key = cities[page.city_path]["translation_key"]
        originals.append(page)
    return originals


def city_names_in(language_code):
    """{city translation key: name} in the admin user's language where the city has that copy."""
    names = {}
    for row in CityPage.objects.values("translation_key", "title", "locale__language_code"):
        if row["locale__language_code"] == language_code or row["translation_key"] not in names:
            names[row["translation_key"]] = row["title"]
    return names


class TranslationReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "citypages/admin/translation_report.html"
    page_title = _("Translations by city")
    header_icon = "site"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        languages = [code for code, _name in settings.LANGUAGES]
        originals = section_originals()
        statuses = statuses_for(originals, languages)
        city_names = city_names_in(self.request.LANGUAGE_CODE)
        selected_city = self.request.GET.get("city", "")
        selected_language = self.request.GET.get("language", "")
        if selected_language not in languages:
            selected_language = ""

        counts = defaultdict(Counter)
        rows = []
        for page in originals:
            for code, status in statuses[page.translation_key].items():
                if status.status in NEEDS_WORK:
                    counts[(page.city_key, code)][status.status] += 1
                    if (not selected_city or str(page.city_key) == selected_city) and (
                        not selected_language or code == selected_language
                    ):
                        rows.append(self._row(page, status, city_names))
        context.update(
            languages=[(code, dict(settings.LANGUAGES)[code]) for code in languages],
            cities=[
                {
                    "key": key,
                    "name": name,
                    "cells": [
                        {
                            "code": code,
                            "missing": counts[(key, code)][MISSING] + counts[(key, code)][IN_PROGRESS],
                            "out_of_date": counts[(key, code)][OUT_OF_DATE],
                        }
                        for code in languages
                    ],
                }
                for key, name in sorted(city_names.items(), key=lambda item: item[1])
            ],
            rows=rows,
            filtered=bool(selected_city or selected_language),
            selected_city=selected_city,
            selected_city_name=next((n for k, n in city_names.items() if str(k) == selected_city), ""),
            selected_language=selected_language,
            legend=[(SYMBOLS[status], LABELS[status]) for status in SYMBOLS],
        )
        return context

    def _row(self, page, status, city_names):
        return work_row(page, status, city_names)


def work_row(page, status, city_names):
    """A page that needs work in a language: its city, its status there and the one click that starts the work
    (localize's "Translate this page" for a page not translated, its editor for the others)."""
    if status.status == MISSING:
        action = (_("Translate"), start_translation_url(page.pk, status.language_code))
    else:
        action = (_("Edit translation"), reverse("wagtailadmin_pages:edit", args=[status.page_id]))
    return {
        "page": page,
        "city": city_names.get(page.city_key, ""),
        "status": status,
        "action_label": action[0],
        "action_url": action[1],
    }
