"""The small network both permission matrices run on: two onboarded cities, a news item of each translated into
English and German, aliases elsewhere, one user per role and an image and a document per collection."""

from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site

from citypages.synctree import alias_into_every_locale
from cityteams.rights import network_collection
from demo.localized import translate
from tests.citypages.factories import CityIndexPageFactory, NewsPageFactory
from tests.cityteams.factories import onboarded_city
from tests.home.factories import HomePageFactory
from translations.models import TranslatorTeam

ROLES = ("administrator", "communicator", "moderator", "translator", "anonymous")
PASSWORD = "matrix-password"  # noqa: S105


def png():
    buffer = BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def build_world():
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "zh-hans")}
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=Page.get_first_root_node(), locale=locales["en"])
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    index = CityIndexPageFactory(parent=home)
    for code in ("fr", "zh-hans"):
        home.copy_for_translation(locales[code]).save_revision().publish()
        translate(index, locales[code], {"title": [f"Cities ({code})"]})

    clermont, clermont_team = onboarded_city(locales["fr"], title="Clermont-Ferrand", slug="clermont-ferrand")
    anshan, anshan_team = onboarded_city(locales["zh-hans"], title="鞍山", slug="anshan", english_name="Anshan")
    news = {}
    for key, city in (("own city", clermont), ("other city", anshan)):
        item = NewsPageFactory(parent=city, slug=f"news-{city.slug}", title=f"News of {city.slug}")
        alias_into_every_locale(item)
        translate(item, locales["en"], {"title": [f"English news of {city.slug}"]})
        news[key] = item

    # A locale added after onboarding: its copies are new, and rights must have followed the cities into it.
    locales["de"] = Locale.objects.create(language_code="de")
    home.copy_for_translation(locales["de"]).save_revision().publish()
    translate(index, locales["de"], {"title": ["Städte"]})
    for item in news.values():
        alias_into_every_locale(item.get_parent())
        alias_into_every_locale(item)
        translate(item, locales["de"], {"title": [f"Deutsche Nachricht {item.slug}"]})

    # A second news item of the own city, left as an alias in every other language (no translation started).
    aliased = NewsPageFactory(parent=clermont, slug="aliased-news", title="Aliased news of clermont-ferrand")
    alias_into_every_locale(aliased)

    users = make_users(clermont_team, locales["de"])
    collections = {"own city": clermont_team.collection, "other city": anshan_team.collection}
    collections["network"] = network_collection()
    for key, collection in collections.items():
        Image.objects.create(title=f"Image in {key}", file=SimpleUploadedFile("a.png", png()), collection=collection)
        get_document_model().objects.create(
            title=f"Document in {key}", file=SimpleUploadedFile("a.txt", b"text"), collection=collection
        )
    return {
        "locales": locales,
        "index": index,
        "news": news,
        "aliased_news": aliased,
        "users": users,
        "collections": collections,
    }


def make_users(clermont_team, german):
    User = get_user_model()
    users = {"administrator": User.objects.create_superuser("office", "office@citynet.example", PASSWORD)}
    for role, group in (("communicator", clermont_team.communicators), ("moderator", clermont_team.moderators)):
        users[role] = User.objects.create_user(f"clermont.{role}", f"{role}@citynet.example", PASSWORD)
        users[role].groups.add(group)
    users["translator"] = User.objects.create_user("german.translator", "de@citynet.example", PASSWORD)
    users["translator"].groups.add(TranslatorTeam.objects.get(locale=german).group)
    return users


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once per module inside a transaction rolled back after its tests; each test is a savepoint in it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def login(client, world, role):
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client
