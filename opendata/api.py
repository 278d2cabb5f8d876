"""Wagtail's API v2, read-only, at /api/v2/: pages (with ``?locale=`` and ``?translation_of=``), images,
documents. Each page type lists its public fields in ``api_fields``.

Anyone may call it, so every query parameter it cannot take is a 400 whose JSON names it (``field``), never a
500: Wagtail's endpoints are subclassed where they let a value through to the database (``GuardedEndpoint``), and
``?search=`` is validated and bounded (``opendata.api_search``).
"""

import re

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale

from .api_search import NetworkSearchFilter, ParameterError, PlainWordsSearchFilter

# Unicode's control characters (Cc): PostgreSQL refuses a NUL in any text, and none belongs in a parameter.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Far beyond the number of pages of the network; past the database's integers an offset failed there (a 500).
MAX_OFFSET = 1_000_000


class BoundedPagination(WagtailPagination):
    """Wagtail checks that ``offset`` is a whole number, not that the database can take it."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # Wagtail's own check answers for it
        if offset > MAX_OFFSET:
            raise ParameterError(
                "offset",
                _("%(parameter)s cannot be higher than %(limit)d.") % {"parameter": "offset", "limit": MAX_OFFSET},
            )
        return super().paginate_queryset(queryset, request, view)


class ValidatedFieldsFilter(FieldsFilter):
    """Filters by field value (``?date=``...). Wagtail converts booleans, integers and foreign keys itself; any
    other value reached the database unchecked, and a malformed date raised a ValidationError (a 500)."""

    def filter_queryset(self, request, queryset, view):
        filterable = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name not in filterable:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.is_relation or isinstance(field, (models.BooleanField, models.IntegerField)):
                continue
            try:
                field.to_python(value)
            except ValidationError as error:
                raise ParameterError(name, " ".join(error.messages)) from error
        return super().filter_queryset(request, queryset, view)


class KnownLocaleFilter(LocaleFilter):
    """An unknown ``?locale=`` is a bad parameter. Wagtail's 404 was turned by the language-prefix middleware
    into a redirect to an HTML page that does not exist."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            raise ParameterError("locale", _("Unknown language."))
        return super().filter_queryset(request, queryset, view)


class GuardedEndpoint:
    """What the three endpoints add to Wagtail's: control characters refused in any parameter, a bounded offset,
    a numeric ``find/?id=``, and errors that name their parameter."""

    pagination_class = BoundedPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if CONTROL_CHARACTERS.search(name) or any(CONTROL_CHARACTERS.search(value) for value in values):
                raise ParameterError(name, _("Control characters are not allowed."))

    def handle_exception(self, exc):
        if isinstance(exc, ParameterError):
            return Response({"message": exc.message, "field": exc.parameter}, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise ParameterError("id", _("Invalid value."))
        return super().find_object(queryset, request)


def _replaced(backends, replacements):
    return [replacements.get(backend, backend) for backend in backends]


class PagesEndpoint(GuardedEndpoint, PagesAPIViewSet):
    filter_backends = _replaced(
        PagesAPIViewSet.filter_backends,
        {FieldsFilter: ValidatedFieldsFilter, LocaleFilter: KnownLocaleFilter, SearchFilter: NetworkSearchFilter},
    )


class ImagesEndpoint(GuardedEndpoint, ImagesAPIViewSet):
    filter_backends = _replaced(
        ImagesAPIViewSet.filter_backends, {FieldsFilter: ValidatedFieldsFilter, SearchFilter: PlainWordsSearchFilter}
    )


class DocumentsEndpoint(GuardedEndpoint, DocumentsAPIViewSet):
    filter_backends = _replaced(
        DocumentsAPIViewSet.filter_backends,
        {FieldsFilter: ValidatedFieldsFilter, SearchFilter: PlainWordsSearchFilter},
    )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
