"""The demo's images: a banner per city drawn at seed time, with alt text, made once."""

from io import BytesIO

import pytest
from django.db.models import F
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Collection

from citypages.models import CityPage
from demo.builders import NetworkBuilder
from demo.content import load_network_data
from demo.images import HEIGHT, WIDTH, banner_description, city_banner, draw_banner

CLERMONT = {"slug": "clermont-ferrand", "latitude": "45.7772", "longitude": "3.0870"}
TWINS = [("43.3614", "-5.8593"), ("41.1", "122.99")]


def test_a_banner_is_a_valid_jpeg_of_the_widest_hero_rendition():
    data = draw_banner(**CLERMONT, twins=TWINS)
    with PillowImage.open(BytesIO(data)) as banner:
        assert (banner.format, banner.size, banner.mode) == ("JPEG", (WIDTH, HEIGHT), "RGB")
        banner.verify()
    with PillowImage.open(BytesIO(data)) as banner:
        assert len(banner.resize((48, 20)).getcolors(maxcolors=960)) > 20  # a drawing, not a flat colour


def test_a_banner_is_the_same_on_every_run_and_differs_between_cities():
    assert draw_banner(**CLERMONT, twins=TWINS) == draw_banner(**CLERMONT, twins=TWINS)
    assert draw_banner(**CLERMONT) != draw_banner(slug="anshan", latitude="41.1", longitude="122.99")


def test_the_description_says_what_the_banner_shows():
    description = banner_description("Clermont-Ferrand", "clermont-ferrand", 7)
    assert description.startswith("Abstract banner for Clermont-Ferrand in ")
    assert description.endswith("with lines to its 7 twin cities.")
    assert banner_description("Cuneo", "cuneo", 1).endswith("with a line to its twin city.")
    assert banner_description("Norman", "norman", 0).endswith("on a grid of the world.")


@pytest.mark.django_db
def test_city_banner_makes_a_described_image_in_the_collection_once():
    collection = Collection.get_first_root_node().add_child(name="Clermont-Ferrand")
    image, created = city_banner(collection, name="Clermont-Ferrand", twins=TWINS, **CLERMONT)
    assert created
    assert image.collection == collection and image.title == "Clermont-Ferrand: banner"
    assert image.description == banner_description("Clermont-Ferrand", "clermont-ferrand", 2)
    assert (image.width, image.height) == (WIDTH, HEIGHT)
    assert image.file_size == image.file.size and image.file_hash
    assert image.get_rendition("fill-480x200|format-webp").width == 480

    again, created = city_banner(collection, name="Clermont-Ferrand", twins=TWINS, **CLERMONT)
    assert (again, created) == (image, False)
    assert Image.objects.count() == 1


@pytest.fixture(scope="module")
def seeded(seeded_network):
    return seeded_network


@pytest.mark.seeded
@pytest.mark.django_db
def test_every_city_shows_its_banner_in_every_language(seeded, client):
    cities = CityPage.objects.select_related("hero_image")
    assert not cities.filter(hero_image__isnull=True).exists()
    banners = Image.objects.filter(pk__in=cities.values("hero_image"))
    assert banners.count() == cities.values("translation_key").distinct().count() == 42
    assert not cities.exclude(hero_image__collection=F("collection")).exists()  # each in its city's collection
    assert all(banner.description.startswith("Abstract banner for ") for banner in banners)
    html = client.get("/th/cities/anshan/").content.decode()
    assert 'type="image/webp"' in html and "Abstract banner for Anshan in " in html


@pytest.mark.seeded
@pytest.mark.django_db
def test_seeding_again_reuses_the_banners_and_gives_one_to_a_city_seeded_without(seeded):
    images = Image.objects.count()
    anshan = CityPage.objects.filter(slug="anshan")
    banner = anshan.first().hero_image
    anshan.update(hero_image=None)  # a city seeded before cities had banners
    data = load_network_data()
    builder = NetworkBuilder(data, lambda label: None)
    builder.build_locales()
    builder._build_city(next(city for city in data.cities if city["slug"] == "anshan"))
    assert Image.objects.count() == images
    assert not builder.created  # the banner was found again, not drawn anew
    source = CityPage.objects.get(slug="anshan", locale__language_code="zh-hans")
    assert source.hero_image == banner and source.live_revision.as_object().hero_image == banner
    assert not anshan.filter(hero_image__isnull=True).exists()  # its translations, and its aliases, which follow it
