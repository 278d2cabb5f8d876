import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from citypages.models import (
    CityIndexPage,
    CityPage,
    CooperationProjectPage,
    EventPage,
    NewsPage,
    Organisation,
    ProjectTheme,
    Theme,
)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    description = "Cooperation on a shared challenge."
    locale = factory.LazyFunction(Locale.get_default)


class CityIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CityIndexPage

    title = "Member cities"
    slug = "cities"
    intro = "All the member cities of the network."


class CityPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CityPage

    title = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    local_name = factory.SelfAttribute("title")
    english_name = factory.SelfAttribute("title")
    country = "FR"
    latitude = Decimal("45.7772")
    longitude = Decimal("3.087")
    member_since = 2017
    intro = "A member city of the network."


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    organisation_type = Organisation.OrganisationType.UNIVERSITY
    locale = factory.LazyFunction(Locale.get_default)


class CooperationProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CooperationProjectPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    summary = "Two cities share what they learnt."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>What the project does.</p>")])
    status = CooperationProjectPage.Status.ONGOING
    start_date = datetime.date(2023, 1, 1)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        for theme in extracted or []:
            ProjectTheme.objects.create(page=self, theme=theme)


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"News {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    date = datetime.date(2024, 5, 1)
    summary = "Something happened in the network."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>The story.</p>")])


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(days=2))
    summary = "A meeting of member cities."
    venue = "Town hall"
