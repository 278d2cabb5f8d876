"""The network's content model: city sections and what they publish.

One module per content type; shared pieces live in ``mixins`` and ``relations``.
"""

from .city import CityIndexPage, CityPage, CityTwinning
from .event import EventPage, EventTheme
from .news import NewsPage, NewsRelatedCity, NewsRelatedProject, NewsTheme
from .partnering import CityNeed, CityOffer, Contribution, ProjectNeed
from .project import (
    CooperationProjectPage,
    ProjectPartnerCity,
    ProjectPartnerOrganisation,
    ProjectTheme,
)
from .snippets import Organisation, SustainableDevelopmentGoal, Theme

__all__ = [
    "CityIndexPage",
    "CityNeed",
    "CityOffer",
    "CityPage",
    "CityTwinning",
    "Contribution",
    "CooperationProjectPage",
    "EventPage",
    "EventTheme",
    "NewsPage",
    "NewsRelatedCity",
    "NewsRelatedProject",
    "NewsTheme",
    "Organisation",
    "ProjectNeed",
    "ProjectPartnerCity",
    "ProjectPartnerOrganisation",
    "ProjectTheme",
    "SustainableDevelopmentGoal",
    "Theme",
]
