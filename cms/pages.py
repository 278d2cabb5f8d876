"""``CityNetPage``: the base of every page type of the site.

Every page type inherits it, so none can forget a rule that holds for all pages
(tests/cms/test_pages.py walks every page model and fails on one that does not inherit it):

- translators get the rights of their teams and no more (``translations.permissions``);
- a page asks for its view restrictions only when some page of the site has one (``pagecache.restrictions``).
"""

from wagtail.models import Page

from cms.tree import CITY_PAGE_DEPTH, city_path_of
from pagecache.restrictions import KnownViewRestrictionsMixin
from translations.permissions import TranslatorAwarePermissionsMixin


class CityNetPage(TranslatorAwarePermissionsMixin, KnownViewRestrictionsMixin, Page):
    """The base of every page type: the site-wide rules above, and where the page sits in the network's tree."""

    class Meta:
        abstract = True

    @property
    def is_in_city_section(self):
        """True for a city page and every page below it; False for the network's own pages."""
        return self.depth >= CITY_PAGE_DEPTH

    @property
    def city_section_path(self):
        """The path of the city page this page belongs to (``cms.tree``), or None above the cities."""
        return city_path_of(self.path) if self.is_in_city_section else None
