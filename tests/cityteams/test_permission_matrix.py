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

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images.models import Image
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from tests.cityteams.matrix_world import ROLES, login, png

# Hundreds of cells on a shared world: in make test and CI, not in the edit-test loop (make test-quick).
pytestmark = pytest.mark.slow

PAGE_ACTIONS = (
    "explore", "add", "edit", "submit", "publish", "unpublish", "move", "copy", "delete", "view_draft", "preview",
)  # fmt: skip
TARGETS = ("own city", "other city", "network")
LOCALES = ("source", "another locale", "new translation")
MEDIA_ACTIONS = ("upload image", "choose image", "upload document", "choose document")

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
    model = Image if kind == "images" else get_document_model()
    title = f"Uploaded to {collection_key} at {datetime.datetime.now().isoformat()}"
    upload = SimpleUploadedFile("b.png", png(), "image/png") if kind == "images" else SimpleUploadedFile("b.txt", b"x")
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
