"""Template context every public page needs: the network's navigation and the network office's footer, in the
active language."""

from django.contrib.contenttypes.models import ContentType
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from citypages.models import CityIndexPage
from cms.tree import SECTION_INDEX_DEPTH
from commitments.models import DeclarationIndexPage
from home.models import HomePage, NetworkSettings
from pagecache.fragments import for_generation

# When the default site has no name in Wagtail's settings (never the host name, "localhost").
DEFAULT_SITE_NAME = "CityNet"
OFFICE_PAGES = ("about_page", "legal_notice_page", "privacy_page")


def _navigation():
    try:
        locale = Locale.objects.get_for_language(get_language())
    except Locale.DoesNotExist:
        locale = Locale.get_default()
    # The network's index pages sit right under the home page; one query finds them all (links need no more than
    # a plain Page).
    indexes = {}
    for index in (
        Page.objects.live().filter(locale=locale, depth=SECTION_INDEX_DEPTH).type(CityIndexPage, DeclarationIndexPage)
    ):
        indexes.setdefault(index.content_type_id, index)
    types = ContentType.objects.get_for_models(CityIndexPage, DeclarationIndexPage)
    # The office's settings with their site and pages in one query; the site alone when it has none yet.
    office = NetworkSettings.objects.filter(site__is_default_site=True).select_related("site", *OFFICE_PAGES).first()
    site = office.site if office else Site.objects.filter(is_default_site=True).first()
    return {
        "site_name": (site and site.site_name) or DEFAULT_SITE_NAME,
        "home": HomePage.objects.live().filter(locale=locale).first(),
        "cities": indexes.get(types[CityIndexPage].pk),
        "declarations": indexes.get(types[DeclarationIndexPage].pk),
        "office": office,
        "social_links": office.social_links() if office else [],
        **office_pages(office, locale),
    }


def office_pages(office, locale):
    """The office's pages linked from every page (about, legal notice, privacy), each in the reader's language where
    it has a live copy, else as the office chose it; one query."""
    chosen = {name: getattr(office, name) for name in OFFICE_PAGES} if office else {}
    chosen = {name: page for name, page in chosen.items() if page is not None and page.live}
    copies = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            locale=locale, translation_key__in=[page.translation_key for page in chosen.values()]
        )
    } if chosen else {}  # fmt: skip
    return {name.removesuffix("_page"): copies.get(page.translation_key, page) for name, page in chosen.items()}


def navigation():
    """The navigation of the active language's tree, kept for the content generation (``pagecache.fragments``)."""
    return for_generation("navigation", (get_language(),), _navigation)


def network_navigation(request):
    # Lazy, so admin views and error pages that never show the navigation never query for it.
    return {"network_navigation": SimpleLazyObject(navigation)}
