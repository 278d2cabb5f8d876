"""Site history filtered by city: who changed what in which city's section.

Wagtail's site history report filters by user, action, type and date but knows nothing of cities; this is the
same report with one more filter, kept at its own URL for the network office.
"""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.documents import get_document_model
from wagtail.images.models import Image
from wagtail.models import PageLogEntry

from citypages.models.mixins import in_city_section

from .models import CityTeam
from .network import is_network_office


class CityHistoryFilterSet(SiteHistoryReportFilterSet):
    city = django_filters.ModelChoiceFilter(
        label=_("City"), queryset=CityTeam.objects.all(), method="filter_city", empty_label=_("Every city")
    )

    def filter_city(self, queryset, name, team):
        if team is None:
            return queryset
        if issubclass(queryset.model, PageLogEntry):
            return queryset.filter(in_city_section(team.city_key, path_field="page__path"))
        # Other log entries name their object by content type and id: the city's images and documents.
        in_collection = Q(pk__in=[])
        for model in (Image, get_document_model()):
            ids = [
                str(pk) for pk in model.objects.filter(collection_id=team.collection_id).values_list("pk", flat=True)
            ]
            in_collection |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=ids)
        return queryset.filter(in_collection)

    class Meta(SiteHistoryReportFilterSet.Meta):
        fields = []


class CityHistoryView(LogEntriesView):
    page_title = _("History by city")
    filterset_class = CityHistoryFilterSet
    index_url_name = "city_history"
    index_results_url_name = "city_history_results"

    def dispatch(self, request, *args, **kwargs):
        if not is_network_office(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
