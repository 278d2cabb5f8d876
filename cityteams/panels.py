"""The "My city" dashboard panel of a city's communicators and moderators."""

from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from citypages.models.mixins import in_city_section
from citypages.translation_report import section_originals
from translations.status import IN_PROGRESS, MISSING, OUT_OF_DATE, statuses_for

from .models import CityTeam

PANEL_ROWS = 10


def teams_of(user):
    return CityTeam.objects.filter(Q(communicators__user=user) | Q(moderators__user=user)).distinct()


def in_section(team):
    """Every page of the team's city's section, in every locale."""
    return in_city_section(team.city_key)


class CityTeamPanel(Component):
    """A dashboard panel about one city team's work, shown to its members."""

    def __init__(self, team):
        self.team = team


class MyCityPanel(CityTeamPanel):
    name = "my_city"
    order = 50
    template_name = "cityteams/my_city_panel.html"

    def get_context_data(self, parent_context):
        section = Page.objects.filter(in_section(self.team))
        waiting = (
            WorkflowState.objects.active()
            .filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=section.annotate(text_pk=Cast("pk", CharField())).values("text_pk"),
            )
            .select_related("requested_by", "current_task_state__task")
            .order_by("-created_at")[:PANEL_ROWS]
        )
        waiting = list(waiting)
        pages = Page.objects.in_bulk([int(state.object_id) for state in waiting])
        for state in waiting:
            state.waiting_page = pages.get(int(state.object_id))
        # A page awaiting moderation is listed there only, not also among the drafts.
        in_moderation = WorkflowState.objects.active().filter(base_content_type=ContentType.objects.get_for_model(Page))
        drafts = (
            section.filter(has_unpublished_changes=True, alias_of__isnull=True)
            .exclude(pk__in=in_moderation.annotate(page_pk=Cast("object_id", IntegerField())).values("page_pk"))
            .select_related("locale")
            .order_by("-latest_revision_created_at")[:PANEL_ROWS]
        )
        return {
            "team": self.team,
            "drafts": drafts,
            "waiting": waiting,
            "translations": self._translation_work(),
            "report_url": reverse("translations_by_city") + "?" + urlencode({"city": self.team.city_key}),
        }

    def _translation_work(self):
        """Per language, how many of the city's pages readers cannot read in it, and how many are out of date."""
        statuses = statuses_for(section_originals(self.team.city_key))
        missing, out_of_date = Counter(), Counter()
        for by_language in statuses.values():
            for code, status in by_language.items():
                if status.status in (MISSING, IN_PROGRESS):
                    missing[code] += 1
                elif status.status == OUT_OF_DATE:
                    out_of_date[code] += 1
        report = reverse("translations_by_city")
        return [
            {
                "code": code,
                "name": name,
                "missing": missing[code],
                "out_of_date": out_of_date[code],
                "url": report + "?" + urlencode({"city": self.team.city_key, "language": code}),
            }
            for code, name in settings.LANGUAGES
            if missing[code] or out_of_date[code]
        ]
