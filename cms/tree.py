"""What the page tree's shape means, in one place.

The tree is root (1) > a language's network home (2) > the city index and the network's sections (3) > a city (4)
> a city's projects, news and events (5). Wagtail keeps each page's ancestry in its materialised ``path``,
``Page.steplen`` characters a level, so the city a page belongs to is a prefix of its path: listings, the search
index and reports find it from the path alone, without a query per page.
"""

from django.db.models.functions import Substr
from wagtail.models import Page

HOME_PAGE_DEPTH = 2
SECTION_INDEX_DEPTH = 3
CITY_PAGE_DEPTH = 4
CITY_PATH_LENGTH = Page.steplen * CITY_PAGE_DEPTH


def city_path_of(path):
    """The path of the city page whose section holds the page at ``path`` (the city's own path for a city page);
    a shorter path for pages above the cities (the home page, the city index, network pages)."""
    return path[:CITY_PATH_LENGTH]


def city_path_expression(path="path"):
    """The database expression of ``city_path_of``: ``path`` names a path field, or is an ``OuterRef`` to one."""
    return Substr(path, 1, CITY_PATH_LENGTH)
