"""The public "Find partners" page, served in every language tree at ``/<lang>/partners/`` (a route of the home
page, so it has the site's navigation, language switcher and fallback)."""

from dataclasses import dataclass

from django.template.response import TemplateResponse
from wagtail.models import Page

from . import reasons
from .facts import network_facts
from .forms import PartnerSearchForm


@dataclass
class Row:
    page: Page
    score: int
    reasons: list


def rows(suggestions, pages, describe):
    """Suggestions as rows to show: the page in the reader's language (from ``pages``, by key), the score and each
    reason as a sentence."""
    return [Row(pages[s.subject.key], s.score, [describe(r) for r in s.reasons]) for s in suggestions]


def describers(form):
    """(describe a city's reason, describe a project's reason) for the form's subject."""
    kind, value = form.subject
    facts = form.facts
    if kind == "city":
        name = facts.city_pages[form.city_slugs[value]].title
        return (
            lambda reason: reasons.describe_for_city(reason, facts, name),
            lambda reason: reasons.describe_project_for_city(reason, facts, name),
        )
    if kind == "project":
        return (lambda reason: reasons.describe_for_project(reason, facts), None)
    return (lambda reason: reasons.describe_for_theme(reason, facts),) * 2


def find_partners(request, home):
    facts = network_facts(home.locale)
    form = PartnerSearchForm(request.GET or None, facts=facts)
    context = {**Page.get_context(home, request), "form": form, "city_rows": None, "project_rows": None}
    found = form.suggestions()
    if found is not None:
        describe_city, describe_project = describers(form)
        context["city_rows"] = rows(found[0], facts.city_pages, describe_city)
        context["project_rows"] = rows(found[1], facts.project_pages, describe_project) if describe_project else None
        context["subject_kind"] = form.subject[0]
    status = 400 if form.is_bound and form.errors else 200
    return TemplateResponse(request, "matching/find_partners.html", context, status=status)
