"""Admin registration of the network's snippets, grouped under one "Network" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.tree import HOME_PAGE_DEPTH

from .models import Organisation, Theme
from .synctree import alias_into_every_locale


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
