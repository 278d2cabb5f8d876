"""The server error page, in the visitor's language.

Django's default 500 view renders its template without a request, so nothing tells it the visitor's language,
and anything that needs the database may be what failed. This one takes the language from the URL prefix,
renders a template that needs nothing but the URL configuration, and adds the network's navigation only when
the database still answers.
"""

import logging

from django.conf import settings
from django.http import HttpResponseServerError
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)


def _navigation():
    from home.context_processors import _navigation as navigation

    try:
        return navigation()
    except Exception:  # noqa: BLE001  (the error being reported may be the database's)
        logger.warning("Server error page shown without navigation: the database did not answer.")
        return {}


@requires_csrf_token
def server_error(request):
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        html = render_to_string("500.html", {"LANGUAGE_CODE": language, "network_navigation": _navigation()})
    return HttpResponseServerError(html)
