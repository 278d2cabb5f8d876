"""Admin entry points of the city sections: the network's snippets under one "Network" menu, a new page's copies in
every language, and the screens that list the sections' content with its translations."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.tree import HOME_PAGE_DEPTH

from .models import Organisation, Theme
from .synctree import alias_into_every_locale
from .translation_dashboard import TranslationWorkPanel, translator_locales
from .translation_listings import CityContentGroup
from .translation_report import TranslationReportView


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "organisation_type", "city"]
    list_filter = ["organisation_type"]
    search_fields = ["name"]


class NetworkSnippetGroup(SnippetViewSetGroup):
    menu_label = _("Network")
    menu_icon = "globe"
    items = (ThemeViewSet, OrganisationViewSet)


register_snippet(NetworkSnippetGroup)


@hooks.register("after_create_page")
def synchronise_new_page(request, page):
    if page.alias_of_id is None and page.depth > HOME_PAGE_DEPTH:
        alias_into_every_locale(page)


# The city sections' content with its translations: a report across cities, a listing per page type.
@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [path("reports/translations-by-city/", TranslationReportView.as_view(), name="translations_by_city")]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(_("Translations by city"), reverse("translations_by_city"), icon_name="site", order=710)


@hooks.register("register_admin_viewset")
def register_city_content_listings():
    return CityContentGroup()


@hooks.register("construct_homepage_panels")
def add_translation_work_panel(request, panels):
    locales = translator_locales(request.user)
    if locales:
        panels.append(TranslationWorkPanel(locales))
