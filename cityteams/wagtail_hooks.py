"""Admin entry points of the city teams: "Add a city", history by city, the "My city" and "Projects to review"
panels."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from citypages.models import CityPage

from .history import CityHistoryView
from .network import is_network_office
from .onboarding import establish_city_team
from .panels import MyCityPanel, teams_of
from .review import ProjectsToReviewPanel
from .views import AddCityView


class NetworkOfficeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_network_office(request.user)


@hooks.register("register_admin_urls")
def register_city_team_urls():
    return [
        path("cities/add/", AddCityView.as_view(), name="add_city"),
        path("reports/history-by-city/", CityHistoryView.as_view(), name="city_history"),
        path(
            "reports/history-by-city/results/",
            CityHistoryView.as_view(results_only=True),
            name="city_history_results",
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_add_city_menu_item():
    return NetworkOfficeMenuItem(_("Add a city"), reverse("add_city"), icon_name="site", order=50)


@hooks.register("register_reports_menu_item")
def register_city_history_menu_item():
    return NetworkOfficeMenuItem(_("History by city"), reverse("city_history"), icon_name="history", order=720)


@hooks.register("construct_homepage_panels")
def add_my_city_panels(request, panels):
    for team in teams_of(request.user):
        panels.append(MyCityPanel(team))
        panels.append(ProjectsToReviewPanel(team))


@hooks.register("after_create_page")
def give_a_new_city_its_team(request, page):
    # A city added in the page editor gets the same team as one onboarded with add_city.
    if isinstance(page.specific, CityPage) and page.alias_of_id is None:
        establish_city_team(page)
