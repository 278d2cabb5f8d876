"""The owners' "Projects to review" dashboard panel: what of their city's projects needs a look.

A project is to review when its dates contradict its status (ongoing past its end date, "to be confirmed":
``citypages/lifecycle.py``) or when nobody has saved a revision of it for six months while it is not completed, so
that listings and the commitment tracker do not keep showing what the city no longer does.
"""

from django.utils import timezone

from citypages.lifecycle import STALE_AFTER, TO_BE_CONFIRMED, derived_status
from citypages.models import CooperationProjectPage

from .panels import CityTeamPanel, in_section

PANEL_ROWS = 10


def originals(projects):
    """One copy per project: the first created of its copies that are not aliases, the one its city edits (the
    others are translations of it)."""
    kept = {}
    for project in projects.filter(alias_of__isnull=True).order_by("pk"):
        kept.setdefault(project.translation_key, project)
    return list(kept.values())


def projects_to_review(team, now=None):
    """(to confirm, not updated since ``STALE_AFTER``) among the original copies of ``team``'s projects; a completed
    project is done, not stale. Never-updated projects come first, then the longest untouched."""
    now = now or timezone.now()
    projects = originals(CooperationProjectPage.objects.filter(in_section(team)).select_related("locale"))
    to_confirm = [p for p in projects if derived_status(p.status, p.end_date, now.date()) == TO_BE_CONFIRMED]
    stale = sorted(
        (
            p
            for p in projects
            if p.status != CooperationProjectPage.Status.COMPLETED
            and (p.latest_revision_created_at is None or p.latest_revision_created_at < now - STALE_AFTER)
        ),
        key=lambda p: (p.latest_revision_created_at is not None, p.latest_revision_created_at or now, p.pk),
    )
    return to_confirm, stale


class ProjectsToReviewPanel(CityTeamPanel):
    name = "projects_to_review"
    order = 60
    template_name = "cityteams/projects_to_review_panel.html"

    def get_context_data(self, parent_context):
        to_confirm, stale = projects_to_review(self.team)
        return {
            "team": self.team,
            "to_confirm": to_confirm[:PANEL_ROWS],
            "to_confirm_count": len(to_confirm),
            "stale": stale[:PANEL_ROWS],
            "stale_count": len(stale),
        }
