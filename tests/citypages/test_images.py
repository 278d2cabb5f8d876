"""Images on public pages: responsive renditions (WebP and JPEG at several widths), lazy loading, and alt text for
every image a page shows, required in the admin."""

import importlib
from html.parser import HTMLParser

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import Resolver404, clear_url_caches, resolve
from django.views.static import serve
from wagtail.blocks import StreamBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from citypages.models import CityPage
from tests.citypages.factories import CityPageFactory, NewsPageFactory
from tests.cityteams.factories import onboarded_city

pytestmark = pytest.mark.django_db


class Pictures(HTMLParser):
    """Every <picture> of a page: its <source>s' and its <img>'s attributes."""

    def __init__(self, html):
        super().__init__()
        self.pictures = []
        self._open = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self._open = {"sources": [], "img": None}
        elif self._open is not None and tag == "source":
            self._open["sources"].append(dict(attrs))
        elif self._open is not None and tag == "img":
            self._open["img"] = dict(attrs)

    def handle_endtag(self, tag):
        if tag == "picture" and self._open is not None:
            self.pictures.append(self._open)
            self._open = None


def pictures_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return Pictures(response.content.decode()).pictures


def widths(srcset):
    return [candidate.split()[-1] for candidate in srcset.split(", ")]


def image(**fields):
    return wagtail_factories.ImageFactory(file__width=1600, file__height=900, **fields)


@pytest.fixture
def city(network_tree):
    return CityPageFactory(
        parent=network_tree.city_index,
        slug="clermont-ferrand",
        hero_image=image(title="clermont.jpg", description="Place de Jaude at dusk, the volcanoes behind"),
        body=[
            ("paragraph", "<p>A city of volcanoes.</p>"),
            ("image", {"image": image(), "alt_text": "A tram on the Cataroux line", "decorative": False}),
            ("image", {"image": image(), "alt_text": "", "decorative": True}),
        ],
    )


def test_the_hero_image_is_a_responsive_picture_with_its_description_as_alt_text(client, city):
    hero, *_body = pictures_of(client, city.url)
    assert [source["type"] for source in hero["sources"]] == ["image/webp"]
    webp, img = hero["sources"][0], hero["img"]
    assert widths(webp["srcset"]) == widths(img["srcset"]) == ["1440w", "960w", "480w"]
    assert img["src"].endswith(".jpg") and all(".format-webp." in url for url in webp["srcset"].split()[::2])
    assert webp["sizes"] == img["sizes"] == "(min-width: 72rem) 70rem, calc(100vw - 2rem)"
    assert (img["width"], img["height"]) == ("1440", "600")  # the widest: the layout keeps its place for it
    assert img["alt"] == "Place de Jaude at dusk, the volcanoes behind"
    # Above the fold: fetched first, not lazily.
    assert img["fetchpriority"] == "high" and "loading" not in img and img["decoding"] == "async"


def test_body_images_are_lazy_responsive_pictures_with_their_alt_text(client, city):
    _hero, tram, decorative = pictures_of(client, city.url)
    for picture in (tram, decorative):
        (webp,) = picture["sources"]
        img = picture["img"]
        assert webp["type"] == "image/webp"
        assert widths(webp["srcset"]) == widths(img["srcset"]) == ["1200w", "800w", "400w"]
        assert webp["sizes"] == img["sizes"] == "(min-width: 48rem) 46rem, calc(100vw - 2rem)"
        assert img["loading"] == "lazy" and img["decoding"] == "async"
        assert (img["width"], img["height"]) == ("1200", "675")
    assert tram["img"]["alt"] == "A tram on the Cataroux line"
    assert decorative["img"]["alt"] == ""  # marked decorative: screen readers skip it


def test_body_images_are_pictures_on_every_page_type(client, city):
    NewsPageFactory(
        parent=city,
        slug="new-tram",
        body=[("image", {"image": image(), "alt_text": "The new tram", "decorative": False})],
    )
    (picture,) = pictures_of(client, "/en/cities/clermont-ferrand/new-tram/")
    assert picture["img"]["alt"] == "The new tram" and picture["img"]["loading"] == "lazy"


def test_an_image_with_a_caption_is_a_figure():
    html = render_to_string(
        "citypages/includes/responsive_image.html", {"image": image(), "alt": "The tram", "caption": "Line B, 2026"}
    ).strip()
    assert html.startswith('<figure class="figure"><picture>')
    assert html.endswith("</picture><figcaption>Line B, 2026</figcaption></figure>")
    assert "<figure" not in render_to_string("citypages/includes/responsive_image.html", {"image": image(), "alt": ""})


def test_a_city_without_hero_image_shows_none(client, network_tree):
    city = CityPageFactory(parent=network_tree.city_index)
    assert pictures_of(client, city.url) == []


def test_a_hero_image_without_description_is_refused(network_tree):
    city = CityPageFactory(parent=network_tree.city_index)
    city.hero_image = image(description="")
    with pytest.raises(ValidationError) as error:
        city.full_clean()
    assert "Give this image alt text (its description)" in error.value.message_dict["hero_image"][0]
    city.hero_image.description = "The town hall"
    city.full_clean()


def test_a_body_image_without_alt_text_is_refused():
    body = CityPage._meta.get_field("body").stream_block
    value = body.to_python([{"type": "image", "value": {"image": image().pk, "alt_text": "", "decorative": False}}])
    with pytest.raises(StreamBlockValidationError) as error:
        body.clean(value)
    assert "Please add some alt text for your image or mark it as decorative" in str(error.value.as_json_data())


def city_form(city, hero_image, action, body=()):
    return nested_form_data(
        {
            "title": city.title, "slug": city.slug, "local_name": city.local_name, "english_name": city.english_name,
            "country": city.country, "region": "", "latitude": str(city.latitude), "longitude": str(city.longitude),
            "population": "", "role": city.role, "michelin_site": "", "member_since": "2017", "representative": "",
            "website": "", "hero_image": hero_image.pk, "intro": city.intro, "body": streamfield(list(body)),
            "twinnings": inline_formset([]), "offers": inline_formset([]), "needs": inline_formset([]),
            "comments": inline_formset([]), action: action,
        }
    )  # fmt: skip


@pytest.fixture
def team_city(network_tree):
    return onboarded_city(network_tree.locales["fr"], title="Clermont-Ferrand", slug="clermont-ferrand")


@pytest.mark.parametrize(("group", "action"), [("communicators", "action-submit"), ("moderators", "action-publish")])
def test_the_city_team_cannot_submit_or_publish_a_hero_image_without_alt_text(client, team_city, group, action):
    city, team = team_city
    user = get_user_model().objects.create_user(f"clermont.{group}", "team@citynet.example", "pw")
    user.groups.add(getattr(team, group))
    client.force_login(user)
    undescribed = image(title="IMG_0042.jpg", description="", collection=team.collection)
    revision = city.latest_revision_id

    response = client.post(f"/admin/pages/{city.pk}/edit/", city_form(city, undescribed, action))
    assert response.status_code == 200
    assert "Give this image alt text (its description)" in str(response.context["form"].errors["hero_image"])
    assert "Give this image alt text (its description)" in response.content.decode()
    city.refresh_from_db()
    assert city.hero_image_id is None and city.latest_revision_id == revision

    undescribed.description = "Place de Jaude at dusk"
    undescribed.save()
    response = client.post(f"/admin/pages/{city.pk}/edit/", city_form(city, undescribed, action))
    assert response.status_code == 302
    city.refresh_from_db()
    assert city.get_latest_revision_as_object().hero_image_id == undescribed.pk
    assert city.hero_image_id == (undescribed.pk if action == "action-publish" else None)  # submitted: not live yet


def test_the_admin_refuses_a_body_image_without_alt_text(office, team_city):
    city, team = team_city
    described = image(description="The town hall", collection=team.collection)
    body = [("image", {"image": image(collection=team.collection).pk, "alt_text": "", "decorative": False})]
    response = office.post(f"/admin/pages/{city.pk}/edit/", city_form(city, described, "action-publish", body))
    assert response.status_code == 200
    assert "Please add some alt text for your image or mark it as decorative" in response.content.decode()
    body = [("image", {"image": image(collection=team.collection).pk, "alt_text": "The tram", "decorative": False})]
    response = office.post(f"/admin/pages/{city.pk}/edit/", city_form(city, described, "action-publish", body))
    assert response.status_code == 302
    city.refresh_from_db()
    assert city.body[0].value.contextual_alt_text == "The tram"


@pytest.fixture
def reload_urls():
    """Reload cms.urls under the settings a test overrides, and again under the real ones afterwards."""
    import cms.urls

    def reload():
        importlib.reload(cms.urls)
        clear_url_caches()

    yield reload
    reload()


def test_serve_media_serves_uploaded_files_from_django(client, reload_urls, tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "banner.webp").write_bytes(b"RIFF....WEBP")
    with override_settings(SERVE_MEDIA=True, MEDIA_ROOT=tmp_path):
        reload_urls()
        assert resolve("/media/images/banner.webp").func is serve
        response = client.get("/media/images/banner.webp")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"RIFF....WEBP"
        assert client.get("/media/../secret.txt").status_code in (400, 404)  # nothing outside MEDIA_ROOT
    with override_settings(SERVE_MEDIA=False):
        reload_urls()
        with pytest.raises(Resolver404):
            resolve("/media/images/banner.webp")
