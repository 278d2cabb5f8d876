"""The translator's dashboard panel: what waits for their language, with one click to start each.

wagtail-localize's dashboard shows nothing to a translator, and its Translations report lists translation records
only: a page nobody has started translating (an alias in the translator's tree) appears nowhere. This panel
starts from every page of the cities' sections (``translation_report.section_originals``), as the report by city does.
"""

from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from translations.missing import untranslated_fields
from translations.models import TranslatorTeam
from translations.status import IN_PROGRESS, MISSING, OUT_OF_DATE, UNTRANSLATED_TEXT, statuses_for

from .translation_report import city_names_in, section_originals, work_row

PANEL_ROWS = 10
# Out-of-date translations first: readers already get them, with stale text.
URGENCY = {OUT_OF_DATE: 0, IN_PROGRESS: 1, MISSING: 2}


def translator_locales(user):
    return [team.locale for team in TranslatorTeam.objects.filter(group__user=user).select_related("locale")]


class TranslationWorkPanel(Component):
    name = "translation_work"
    order = 40
    template_name = "citypages/admin/translation_work_panel.html"

    def __init__(self, locales):
        self.locales = locales

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        codes = [locale.language_code for locale in self.locales]
        originals = section_originals()
        statuses = statuses_for(originals, codes)
        names = city_names_in(request.LANGUAGE_CODE)
        languages = []
        for locale in self.locales:
            code = locale.language_code
            rows = [
                work_row(page, statuses[page.translation_key][code], names)
                for page in originals
                if statuses[page.translation_key][code].status in URGENCY
            ]
            rows.sort(key=lambda row: (URGENCY[row["status"].status], row["city"], row["page"].title))
            for row in rows[:PANEL_ROWS]:
                status = row["status"]
                if status.status == OUT_OF_DATE and status.reason == UNTRANSLATED_TEXT and status.translation_id:
                    row["untranslated_fields"] = untranslated_fields(status.translation_id)
            languages.append(
                {
                    "locale": locale,
                    "total": len(rows),
                    "out_of_date": sum(row["status"].status == OUT_OF_DATE for row in rows),
                    "rows": rows[:PANEL_ROWS],
                    "report_url": reverse("translations_by_city") + "?" + urlencode({"language": code}),
                }
            )
        return {"languages": languages}
