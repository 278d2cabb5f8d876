"""A declaration that projects serve is not deleted from under them.

Projects name commitments by key (``models/served.py``); deleting the declaration would leave those links
pointing at nothing, and the city teams would find an error in their project's editor instead of the commitment.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from .models import Commitment, DeclarationPage
from .rules import projects_serving


def served_declarations(page):
    """Titles of the projects serving a declaration at or below ``page``, any copy."""
    declarations = DeclarationPage.objects.filter(path__startswith=page.path)
    keys = Commitment.objects.filter(page__in=declarations).values_list("translation_key", flat=True)
    serving = projects_serving(keys)
    return sorted({title for titles in serving.values() for title in titles.values()})


@hooks.register("before_delete_page")
def keep_declarations_that_projects_serve(request, page):
    titles = served_declarations(page)
    if titles:
        messages.error(
            request,
            _("This declaration cannot be deleted: {projects} serve its commitments. Unlink them first.").format(
                projects=", ".join(titles)
            ),
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
