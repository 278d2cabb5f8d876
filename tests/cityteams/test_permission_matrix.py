"""The permission matrix, checked over HTTP against the admin's views.

roles (network administrator, city communicator, city moderator, translator, anonymous)
x page actions (explore, add, edit, submit, publish, unpublish, move, copy, delete, view draft, preview)
x targets (own city, another city, network pages) x locales (source, another locale, a newly created translation),
plus media actions (upload and choose, images and documents) x collections (own city, another city, network).

"Newly created translation" is a copy in German, a locale added after both cities were onboarded, so the rights
on it had to follow the city. "Another locale" is a translation made through wagtail-localize at onboarding time.
Every cell runs in its own savepoint: actions that change state (submit, publish, unpublish) are rolled back.
"""

import datetime
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from citypages.synctree import alias_into_every_locale
from cityteams.rights import network_collection
from demo.localized import translate
from tests.citypages.factories import CityIndexPageFactory, NewsPageFactory
from tests.cityteams.factories import onboarded_city
from tests.home.factories import HomePageFactory
from translations.models import TranslatorTeam

ROLES = ("administrator", "communicator", "moderator", "translator", "anonymous")
PAGE_ACTIONS = (
    "explore", "add", "edit", "submit", "publish", "unpublish", "move", "copy", "delete", "view_draft", "preview",
)  # fmt: skip
TARGETS = ("own city", "other city", "network")
LOCALES = ("source", "another locale", "new translation")
MEDIA_ACTIONS = ("upload image", "choose image", "upload document", "choose document")
PASSWORD = "matrix-password"  # noqa: S105

# What each role may do on a copy it may work on at all (see ``expected``).
COMMUNICATOR = {"explore", "add", "edit", "submit", "copy", "view_draft", "preview"}
MODERATOR = COMMUNICATOR | {"publish", "unpublish", "move", "delete"}
TRANSLATOR = {"explore", "edit", "publish", "view_draft", "preview"}


def expected(role, action, target, locale):
    """The matrix, as a rule: True where the role may do the action."""
    if role == "anonymous":
        return False
    if action == "submit" and locale != "source":
        return False  # a translation is published from localize's editor, which has no moderation step
    if role == "administrator":
        return True
    if role == "translator":
        return locale == "new translation" and action in TRANSLATOR  # translations into German, any section
    if target == "own city":
        return action in (MODERATOR if role == "moderator" else COMMUNICATOR)
    # Network pages above their city are listed so they can reach it; another city is neither listed nor open.
    return target == "network" and action == "explore"


def expected_media(role, action, collection):
    if role == "administrator":
        return True
    if role in ("communicator", "moderator"):
        return collection == "own city" or (collection == "network" and action.startswith("choose"))
    return False


# -- the network the matrix runs on, built once per module ------------------------------------------------------


def _png():
    buffer = BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def _build_world():
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

    users = _users(clermont_team, locales["de"])
    collections = {"own city": clermont_team.collection, "other city": anshan_team.collection}
    collections["network"] = network_collection()
    for key, collection in collections.items():
        Image.objects.create(title=f"Image in {key}", file=SimpleUploadedFile("a.png", _png()), collection=collection)
        Document.objects.create(
            title=f"Document in {key}", file=SimpleUploadedFile("a.txt", b"text"), collection=collection
        )
    return {"locales": locales, "index": index, "news": news, "users": users, "collections": collections}


def _users(clermont_team, german):
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
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# -- one cell ----------------------------------------------------------------------------------------------------

LOCALE_CODES = {"source": None, "another locale": "en", "new translation": "de"}


def target_pages(world, target, locale):
    """(container, item): the page listed or added under, and the page acted on."""
    if target == "network":
        code = LOCALE_CODES[locale] or "en"
        item = world["index"].get_translation(world["locales"][code])
        if locale == "another locale":
            item = world["index"].get_translation(world["locales"]["fr"])
        return item.get_parent(), item
    source = world["news"][target]
    code = LOCALE_CODES[locale]
    item = source if code is None else source.get_translation(world["locales"][code])
    return item.get_parent(), item.specific


def is_translation(page):
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exclude(source__locale_id=page.locale_id)


def edit_form(page, **actions):
    page = page.specific
    fields = {"title": f"{page.title} (edited)", "slug": page.slug, "comments": inline_formset([])}
    if hasattr(page, "summary"):
        fields |= {
            "date": page.date.isoformat(),
            "summary": page.summary,
            "body": streamfield([("paragraph", rich_text("<p>The story.</p>"))]),
            "page_themes": inline_formset([]),
            "related_cities": inline_formset([]),
            "related_projects": inline_formset([]),
        }
    else:
        fields["intro"] = page.intro
    return nested_form_data(fields | actions)


def perform(client, action, container, item, on_commit):
    """Do ``action`` over HTTP; True when the admin let it happen."""
    item_url = f"/admin/pages/{item.pk}/"
    if action == "explore":
        response = client.get(f"/admin/pages/{container.pk}/")
        html = response.content.decode()  # a row links to the editor, or to the page's own listing
        return response.status_code == 200 and (f'href="{item_url}edit/"' in html or f'href="{item_url}"' in html)
    if action == "add":
        parent = item if item.specific_class.__name__ == "CityIndexPage" else container
        model = "citypage" if parent.pk == item.pk else "newspage"
        return client.get(f"/admin/pages/add/citypages/{model}/{parent.pk}/").status_code == 200
    if action in ("edit", "move", "copy", "delete", "view_draft"):
        path = {"edit": "edit/", "move": "move/", "copy": "copy/", "delete": "delete/", "view_draft": "view_draft/"}
        return client.get(item_url + path[action]).status_code == 200
    translation = is_translation(item).first()
    if action == "preview":
        if translation is not None:
            return client.get(f"/admin/localize/translate/{translation.pk}/preview/").status_code == 200
        response = client.post(item_url + "edit/preview/", edit_form(item))
        return response.status_code == 200 and response.json().get("is_valid") is True
    if action == "submit":
        client.post(item_url + "edit/", edit_form(item, **{"action-submit": "Submit"}))
        return WorkflowState.objects.filter(object_id=str(item.pk), status="in_progress").exists()
    if action == "publish":
        before = Page.objects.get(pk=item.pk).live_revision_id
        data = {"action": "publish"} if translation is not None else edit_form(item, **{"action-publish": "Publish"})
        with on_commit(execute=True):  # localize publishes translations once the transaction commits
            client.post(item_url + "edit/", data)
        return Page.objects.get(pk=item.pk).live_revision_id != before
    if action == "unpublish":
        client.post(item_url + "unpublish/")
        return not Page.objects.get(pk=item.pk).live
    raise AssertionError(action)


def login(client, world, role):
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("action", PAGE_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_page_cell(world, db, client, django_capture_on_commit_callbacks, role, action, target, locale):
    container, item = target_pages(world, target, locale)
    allowed = perform(login(client, world, role), action, container, item, django_capture_on_commit_callbacks)
    assert allowed is expected(role, action, target, locale)


def perform_media(client, world, action, collection_key):
    collection = world["collections"][collection_key]
    kind = "images" if action.endswith("image") else "documents"
    if action.startswith("choose"):
        response = client.get(f"/admin/{kind}/chooser/")
        return (
            response.status_code == 200 and f"{kind[:-1].capitalize()} in {collection_key}" in response.content.decode()
        )
    model = Image if kind == "images" else Document
    title = f"Uploaded to {collection_key} at {datetime.datetime.now().isoformat()}"
    upload = SimpleUploadedFile("b.png", _png(), "image/png") if kind == "images" else SimpleUploadedFile("b.txt", b"x")
    client.post(f"/admin/{kind}/add/", {"title": title, "file": upload, "collection": collection.pk})
    return model.objects.filter(title=title, collection=collection).exists()


@pytest.mark.parametrize("collection", TARGETS)
@pytest.mark.parametrize("action", MEDIA_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_media_cell(world, db, client, role, action, collection):
    allowed = perform_media(login(client, world, role), world, action, collection)
    assert allowed is expected_media(role, action, collection)


def test_matrix_size():
    """The closing note quotes this number; it changes only when a dimension does."""
    assert len(ROLES) * len(PAGE_ACTIONS) * len(TARGETS) * len(LOCALES) == 495
    assert len(ROLES) * len(MEDIA_ACTIONS) * len(TARGETS) == 60
