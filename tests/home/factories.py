import wagtail_factories

from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "CityNet"
    slug = "home"
    intro = "Cities working together on the sustainable city."
