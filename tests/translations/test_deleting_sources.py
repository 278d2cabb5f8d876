"""Deleting the original of pages in other languages keeps the others live and linked, or deletes them all (issue 19.6).

A French city page translated into English and German, with a French news item aliased into both, as on the
network; the office deletes the French page over HTTP."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from citypages.synctree import alias_into_every_locale
from tests.citypages.factories import CityPageFactory, NewsPageFactory
from tests.conftest import build_network_tree, rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def clermont(django_db_setup, django_db_blocker):
    """Built once for the module, rolled back after it; each test's own changes are rolled back after each."""
    with rolled_back(django_db_blocker, build_clermont) as world:
        yield world


def build_clermont():
    tree = build_network_tree(codes=("fr", "de"))
    en, fr, de = (tree.locales[code] for code in ("en", "fr", "de"))
    city = CityPageFactory(parent=tree.index_in("fr"), title="Clermont-Ferrand", slug="clermont-ferrand")
    alias_into_every_locale(city)
    news = NewsPageFactory(parent=city, title="Fête des jardins", slug="fete-des-jardins")
    alias_into_every_locale(news)
    with TestCase.captureOnCommitCallbacks(execute=True):  # localize publishes translations on commit
        translate_object(city, [en, de])
    source = TranslationSource.objects.get(object_id=city.translation_key, locale=fr)
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string, locale=de, context=segment.context, data=f"DE {segment.string.data}"
        )
    with TestCase.captureOnCommitCallbacks(execute=True):
        Translation.objects.get(source=source, target_locale=de).save_target(publish=True)
    return {"city": city, "news": news, "en": en, "de": de}


def copies(page):
    return {copy.locale.language_code: copy for copy in Page.objects.filter(translation_key=page.translation_key)}


def test_the_screen_names_the_copies_and_offers_the_choice(office, clermont):
    html = office.get(f"/admin/pages/{clermont['city'].pk}/delete/").content.decode()
    assert "English: translation" in html and "Deutsch: translation" in html and "(1 child page)" in html
    assert 'value="keep" checked' in html and "The English copy becomes the original" in html
    assert 'value="every_language"' in html and "6 pages in total" in html


def test_keeping_the_others_promotes_one_and_keeps_them_linked(office, clermont, django_capture_on_commit_callbacks):
    city, news, de = clermont["city"], clermont["news"], clermont["de"]
    response = office.post(f"/admin/pages/{city.pk}/delete/", {"copies": "keep"})
    assert response.status_code == 302
    assert not Page.objects.filter(pk__in=[city.pk, news.pk]).exists()

    cities, items = copies(city), copies(news)
    assert set(cities) == set(items) == {"en", "de"}
    assert all(copy.live for copy in [*cities.values(), *items.values()])
    new_source = TranslationSource.objects.get(object_id=city.translation_key, locale=cities["en"].locale)
    assert [
        (t.source_id, t.target_locale_id) for t in Translation.objects.filter(source__object_id=city.translation_key)
    ] == [(new_source.pk, de.pk)]
    # The news item only had aliases: the English one is now a page of its own, and the German one follows it.
    assert items["en"].alias_of_id is None and items["de"].alias_of_id == items["en"].pk

    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(f"/admin/localize/update/{new_source.pk}/", {"publish_translations": "on"})
    assert response.status_code == 302
    assert Page.objects.get(pk=cities["de"].pk).title == "DE Clermont-Ferrand"  # its translated text survived the sync


def test_deleting_in_every_language_leaves_no_copy(office, clermont):
    city, news = clermont["city"], clermont["news"]
    response = office.post(f"/admin/pages/{city.pk}/delete/", {"copies": "every_language"})
    assert response.status_code == 302
    assert not Page.objects.filter(translation_key__in=[city.translation_key, news.translation_key]).exists()
    assert not Translation.objects.filter(source__object_id=city.translation_key).exists()


def test_who_cannot_delete_every_copy_may_only_keep_them(client, clermont):
    """A French city editor may delete the French news item, not its copies in the other trees."""
    editors = Group.objects.create(name="Clermont editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=editors, page=clermont["city"], permission=Permission.objects.get(codename=codename)
        )
    user = get_user_model().objects.create_user("editor", "editor@citynet.example", "pw")
    user.groups.add(editors)
    client.force_login(user)
    news = clermont["news"]
    html = client.get(f"/admin/pages/{news.pk}/delete/").content.decode()
    assert "English: alias" in html and 'value="every_language"' not in html

    response = client.post(f"/admin/pages/{news.pk}/delete/", {"copies": "every_language"})
    assert response.status_code == 302 and response.url == f"/admin/pages/{news.pk}/delete/"
    assert set(copies(news)) == {"fr", "en", "de"}


def test_bulk_deletion_keeps_the_others(office, clermont):
    news = clermont["news"]
    url = f"/admin/bulk/wagtailcore/page/delete/?id={news.pk}"
    assert "Copies in other languages follow some of these pages" in office.get(url).content.decode()
    assert office.post(url).status_code == 302
    items = copies(news)
    assert set(items) == {"en", "de"} and items["en"].live and items["de"].alias_of_id == items["en"].pk


def test_deleting_a_translation_deletes_only_it(office, clermont):
    city, news = clermont["city"], clermont["news"]
    german = copies(city)["de"]
    assert "data-translation-copies" not in office.get(f"/admin/pages/{german.pk}/delete/").content.decode()
    assert office.post(f"/admin/pages/{german.pk}/delete/").status_code == 302
    assert set(copies(city)) == {"fr", "en"} and set(copies(news)) == {"fr", "en"}
    assert Translation.objects.filter(source__object_id=city.translation_key, source__locale=city.locale).count() == 1
    assert copies(news)["en"].alias_of_id == news.pk and copies(news)["en"].live
