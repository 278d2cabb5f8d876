import factory
import wagtail_factories

from home.models import HomePage, NetworkPage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "CityNet"
    slug = "home"
    intro = "Cities working together on the sustainable city."


class NetworkPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NetworkPage

    title = factory.Sequence(lambda n: f"Network page {n}")
    intro = "What the network office says about the network."
