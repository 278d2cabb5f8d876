"""The server error pages, in the visitor's language; JSON under /api/.

Django's default 500 view renders its template without a request, so nothing tells it the visitor's language,
and anything that needs the database may be what failed. This one takes the language from the URL prefix,
renders a template that needs nothing but the URL configuration, and adds the network's navigation only when
the database still answers.

A database that does not answer is not a bug but an outage: the answer is 503 with ``Retry-After``, so that
browsers, crawlers and API clients come back later instead of recording an error. It is decided here, in the
handler500 view, because Django calls it for every uncaught exception wherever it was raised (in a view, in any
middleware such as the session or redirect ones, or while rendering a template response, whose context processors
query the database), from inside the ``except`` block, so ``sys.exc_info()`` is the exception in flight. A
middleware's ``process_exception`` would only see the views' exceptions.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.csrf import requires_csrf_token

from home.context_processors import navigation

logger = logging.getLogger("citynet.errors")

API_PREFIX = "/api/"


def _navigation():
    try:
        return navigation()
    except Exception:  # noqa: BLE001  (the error being reported may be the database's)
        logger.warning("Server error page shown without navigation: the database did not answer.")
        return {}


def is_database_outage(error):
    """Whether ``error``, or an exception it was raised from or while handling, is the database not answering."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, (OperationalError, InterfaceError)):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def _page_language(request):
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def _api_error(message, status):
    return JsonResponse({"error": {"message": message}}, status=status, json_dumps_params={"ensure_ascii": False})


def service_unavailable(request):
    """503 while the database does not answer; touches nothing that needs it."""
    if request.path_info.startswith(API_PREFIX):
        response = _api_error(gettext("The site is temporarily unavailable"), status=503)
    else:
        language = _page_language(request)
        with translation.override(language):
            html = render_to_string("503.html", {"LANGUAGE_CODE": language, "network_navigation": {}})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(settings.DATABASE_OUTAGE_RETRY_AFTER)
    return response


@requires_csrf_token
def server_error(request):
    if is_database_outage(sys.exc_info()[1]):
        return service_unavailable(request)
    if request.path_info.startswith(API_PREFIX):
        return _api_error(gettext("Something went wrong on our side"), status=500)
    language = _page_language(request)
    with translation.override(language):
        html = render_to_string("500.html", {"LANGUAGE_CODE": language, "network_navigation": _navigation()})
    return HttpResponseServerError(html)
