"""Fixtures shared by every app's tests."""

from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.db import connection, transaction
from django.utils import translation
from wagtail.models import Locale, Page, Site

from tests import seeded
from tests.citypages.factories import CityIndexPageFactory
from tests.home.factories import HomePageFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Wagtail caches site root paths; a rolled-back test must not leave them to the next one.
    cache.clear()
    caches["pages"].clear()
    yield
    cache.clear()
    caches["pages"].clear()


@pytest.fixture(autouse=True)
def _default_language():
    # A request in Thai leaves Thai active in the thread; the next test must start in the default language.
    yield
    translation.deactivate()


@dataclass
class Tree:
    home: Page
    city_index: Page
    locales: dict

    def index_in(self, code):
        return self.city_index.get_translation(self.locales[code])


def build_network_tree(codes=("fr", "zh-hans", "th")):
    """A network home and city index in en (the site root) and their translations in ``codes``."""
    locales = {"en": Locale.get_default()}
    for code in codes:
        locales[code], _ = Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, locale=locales["en"])
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    city_index = CityIndexPageFactory(parent=home)
    for code in codes:
        # What copy_for_translation() and publish() leave (the same translation key, the slug it picks, a live
        # page), made directly: four times faster, and this tree is built for hundreds of tests.
        locale = locales[code]
        translated_home = HomePageFactory(
            parent=root, locale=locale, translation_key=home.translation_key, slug=f"{home.slug}-{code}"
        )
        CityIndexPageFactory(parent=translated_home, locale=locale, translation_key=city_index.translation_key)
    return Tree(home=home, city_index=city_index, locales=locales)


@pytest.fixture
def uncached(settings):
    """Every page and every part of it rendered on each request: these query budgets are for the worst case, right
    after a change, not for what the page cache and the cached fragments save."""
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_FRAGMENTS_CACHED = False


@pytest.fixture
def office(client):
    """A client logged in as a member of the network office (a superuser)."""
    client.force_login(get_user_model().objects.create_superuser("office", "office@citynet.example", "pw"))
    return client


@pytest.fixture
def network_tree(db):
    """A network home and city index in en (the site root) and their translations in fr, zh-hans and th."""
    return build_network_tree()


@contextmanager
def rolled_back(django_db_blocker, build):
    """For module- or session-scoped worlds: ``build()`` once, inside a transaction rolled back after the module's tests
    (which take ``db``, whose own transaction nests as a savepoint); yields what it returns."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            world = build()
            # PostgreSQL defers foreign-key checks to the end of the transaction, and Django checks them at the
            # end of every test: without this, each test re-checked every row of the world (25 s per test on
            # the seeded network). Checked once here, only each test's own rows are left to check.
            connection.check_constraints()
            yield world
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()
            caches["pages"].clear()


def module_world(build):
    """A module-scoped fixture: ``build()`` once for the module's tests, rolled back after them; each test takes
    ``db`` too, so its own changes are rolled back after it."""

    @pytest.fixture(scope="module")
    def world(django_db_setup, django_db_blocker):
        with rolled_back(django_db_blocker, build) as built:
            yield built

    return world


# -- the seeded demo network, and the order and grouping of tests around it (tests/seeded.py) ----------------------


def pytest_itemcollected(item):
    seeded.mark_work_unit(item)


@pytest.hookimpl(trylast=True)  # after pytest-django's ordering, and after xdist has read the groups (its own hook)
def pytest_collection_modifyitems(config, items):
    seeded.order_and_check(config, items)


@pytest.hookimpl(trylast=True)  # after pytest's own teardown of the test's fixtures (its savepoint included)
def pytest_runtest_teardown(item, nextitem):
    if seeded.uses_seeded_network(item) and not seeded.uses_seeded_network(nextitem):
        seeded.SEEDED_NETWORK.close()


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist's: unknown when it is disabled (-p no:xdist)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadgroup":
        return seeded.SeededNetworkFirst(config, log)
    return None


@pytest.fixture(scope="session")
def seeded_network(django_db_setup, django_db_blocker):
    """The full demo network, loaded once per run (``tests.seeded.SeededNetwork``); its value is what
    ``seed_network`` printed. Tests that use it also take ``db``, so what they change is rolled back after each; they
    run before every other test and the network is rolled back after the last of them."""
    yield seeded.SEEDED_NETWORK.open(django_db_blocker, rolled_back)
    seeded.SEEDED_NETWORK.close()
