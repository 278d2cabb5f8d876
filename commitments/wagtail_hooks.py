"""A declaration that projects serve is not deleted from under them, one at a time or in bulk.

Projects name commitments by key (``models/project_links.py``); deleting the declaration would leave those links
pointing at nothing, and the city teams would find an error in their project's editor instead of the commitment.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from citypages.admin_forms import PROJECT_FORM_CHECKS_HOOK
from cms.locale_text import join_list

from .admin_forms import check_served_commitments
from .models import Commitment, DeclarationPage
from .rules import projects_serving


def projects_serving_declarations_under(page):
    """Titles of the projects serving a declaration at or below ``page`` (any copy)."""
    declarations = DeclarationPage.objects.filter(path__startswith=page.path)
    keys = Commitment.objects.filter(page__in=declarations).values_list("translation_key", flat=True)
    return sorted({title for titles in projects_serving(keys).values() for title in titles.values()})


def refuse(request, titles, back_to):
    messages.error(
        request,
        _("This declaration cannot be deleted: {projects} serve its commitments. Unlink them first.").format(
            projects=join_list(titles)
        ),
    )
    return redirect("wagtailadmin_explore", back_to.pk)


hooks.register(PROJECT_FORM_CHECKS_HOOK, check_served_commitments)


@hooks.register("before_delete_page")
def keep_declarations_that_projects_serve(request, page):
    titles = projects_serving_declarations_under(page)
    return refuse(request, titles, page.get_parent()) if titles else None


@hooks.register("before_bulk_action")
def keep_declarations_that_projects_serve_in_bulk(request, action_type, objects, action):
    if action_type != "delete":
        return None
    pages = [page for page in objects if isinstance(page, Page)]
    titles = sorted({title for page in pages for title in projects_serving_declarations_under(page)})
    return refuse(request, titles, pages[0].get_parent()) if titles else None
