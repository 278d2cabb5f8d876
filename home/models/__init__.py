"""The network's own pages: the home page of each language tree, the network office's pages, and the site's
settings (the office's contact, legal pages and social links)."""

from .home_page import HomePage
from .network_page import NetworkPage
from .site_settings import NetworkSettings

__all__ = ["HomePage", "NetworkPage", "NetworkSettings"]
