"""Flat admin listings of the city pages, one row per item (its original), with its status in every language.

Wagtail's explorer shows one locale's copy per row and has no place for per-language columns, so the section
types get Wagtail's own ``PageListingViewSet`` listings with a "Languages" column.
"""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail_localize.models import Translation

from translations.status import start_translation_url, statuses_for

from .models import CityPage, CooperationProjectPage, EventPage, NewsPage


class LanguagesColumn(Column):
    cell_template_name = "citypages/admin/translation_languages_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["statuses"] = [
            {"status": status, "edit_url": _action_url(instance, status)}
            for status in getattr(instance, "language_statuses", ())
        ]
        return context


def _action_url(original, status):
    if status.status == "missing":
        return start_translation_url(original.pk, status.language_code)
    if status.page_id:
        return reverse("wagtailadmin_pages:edit", args=[status.page_id])
    return ""


class OriginalsIndexView(IndexView):
    """Lists originals only (each item once) and fetches every row's language statuses in two queries."""

    def get_base_queryset(self):
        started_here = Translation.objects.filter(
            source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
        )
        return super().get_base_queryset().filter(alias_of__isnull=True).exclude(Exists(started_here))

    def get_table(self, object_list):
        rows = list(object_list)
        statuses = statuses_for(rows)
        for page in rows:
            page.language_statuses = list(statuses[page.translation_key].values())
        return super().get_table(rows)


def _columns():
    base = [column for column in IndexView.base_columns if column.name not in {"type"}]
    return [*base, LanguagesColumn("languages", label=_("Languages"), width="30%")]


class CityContentListing(PageListingViewSet):
    index_view_class = OriginalsIndexView
    columns = _columns()


class CityListing(CityContentListing):
    model = CityPage
    icon = "site"
    menu_label = _("Cities")
    name = "city_listing"


class ProjectListing(CityContentListing):
    model = CooperationProjectPage
    icon = "list-ul"
    menu_label = _("Cooperation projects")
    name = "project_listing"


class NewsListing(CityContentListing):
    model = NewsPage
    icon = "doc-full"
    menu_label = _("News")
    name = "news_listing"


class EventListing(CityContentListing):
    model = EventPage
    icon = "date"
    menu_label = _("Events")
    name = "event_listing"


class CityContentGroup(ViewSetGroup):
    menu_label = _("City content")
    menu_icon = "folder-open-inverse"
    menu_order = 150
    items = (CityListing, ProjectListing, NewsListing, EventListing)
