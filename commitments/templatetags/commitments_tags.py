"""Commitments on city and project pages: what a signatory city committed to, and what a project serves."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from citypages.models import CooperationProjectPage
from commitments.models import Commitment, DeclarationPage
from commitments.rules import signed_declaration_keys
from commitments.tracker import served_links
from pagecache.fragments import for_generation

register = template.Library()


@register.simple_tag(takes_context=True)
def city_commitments(context, city):
    """The declarations ``city`` signed, in its tree, each commitment with the city's projects serving it.

    Kept for the content generation (``pagecache.fragments``): it reads every declaration the city signed and the
    projects serving them, which change only when content does."""

    def render():
        return render_to_string("commitments/includes/city_commitments.html", city_commitments_context(city))

    parts = (city.pk, get_language())
    return mark_safe(for_generation("city_commitments", parts, render, request=context.get("request")))  # noqa: S308


def city_commitments_context(city):
    declarations = list(
        DeclarationPage.objects.live()
        .public()
        .filter(locale_id=city.locale_id, translation_key__in=signed_declaration_keys(city.translation_key))
        .order_by("-date", "title")
        .prefetch_related("commitments")
    )
    keys = {str(c.translation_key) for declaration in declarations for c in declaration.commitments.all()}
    links = served_links(keys, city.locale_id) if keys else []
    projects = (
        CooperationProjectPage.objects.live()
        .public()
        .with_original_language()
        .filter(path__startswith=city.path, pk__in={page_id for page_id, _key in links})
    )
    projects = {project.pk: project for project in projects.order_by("title", "pk")}
    serving = {}
    for page_id, key in links:
        if page_id in projects:
            serving.setdefault(key, []).append(projects[page_id])
    for declaration in declarations:
        declaration.city_rows = [
            (number, commitment, sorted(serving.get(str(commitment.translation_key), []), key=lambda p: p.title))
            for number, commitment in enumerate(declaration.commitments.all(), start=1)
        ]
    return {"city": city, "declarations": declarations}


@register.simple_tag(takes_context=True)
def project_commitments(context, project):
    """The commitments ``project`` serves, numbered and named as in its tree's copy of each declaration; kept for
    the content generation, as the city's."""

    def render():
        return render_to_string("commitments/includes/project_commitments.html", project_commitments_context(project))

    parts = (project.pk, get_language())
    return mark_safe(for_generation("project_commitments", parts, render, request=context.get("request")))  # noqa: S308


def project_commitments_context(project):
    keys = {str(key) for key in project.served_commitments.values_list("commitment", flat=True)}
    shown = {}
    published = DeclarationPage.objects.live().public()
    commitments = Commitment.objects.filter(translation_key__in=keys, page__in=published).select_related("page")
    for commitment in commitments.order_by("pk"):
        key = str(commitment.translation_key)
        if key not in shown or (commitment.locale_id == project.locale_id != shown[key].locale_id):
            shown[key] = commitment
    groups = {}
    for commitment in shown.values():
        groups.setdefault(commitment.page, []).append(commitment)
    numbered = []
    for declaration in sorted(groups, key=lambda page: (page.date, page.pk)):
        order = [str(key) for key in declaration.commitments.values_list("translation_key", flat=True)]
        rows = sorted((order.index(str(c.translation_key)) + 1, c) for c in groups[declaration])
        numbered.append((declaration, rows))
    return {"groups": numbered}
