"""Cities onboarded the way the network office does it (``onboard_city``), for tests of their teams."""

from cityteams.onboarding import onboard_city
from tests.citypages.factories import CityPageFactory


def onboarded_city(locale, **fields):
    """A city page built by CityPageFactory, added through onboarding in ``locale``; returns (city, team)."""
    city = CityPageFactory.build(**fields)
    team = onboard_city(city, locale)
    return city, team
