"""A small multilingual network, indexed: cities written in Spanish, Romanian, Polish, Chinese and Thai."""

import datetime
import socket
import threading

import pytest
from django.core.management import call_command

from citypages.synctree import alias_into_every_locale
from demo.localized import translate
from search import elasticsearch
from tests.citypages.factories import (
    CityPageFactory,
    CooperationProjectPageFactory,
    NewsPageFactory,
    ThemeFactory,
)
from tests.conftest import build_network_tree, rolled_back


def index_everything():
    call_command("update_index", "--network-only", "--no-progress", verbosity=0)


@pytest.fixture(scope="module")
def searchable(django_db_setup, django_db_blocker):
    """Built once per module; tests take ``db`` too, so what they change is rolled back after each."""
    with rolled_back(django_db_blocker, build_searchable_network) as world:
        yield world


def build_searchable_network():
    network_tree = build_network_tree(("fr", "zh-hans", "th", "es", "ro", "pl"))
    locales = network_tree.locales
    mobility = ThemeFactory(name="Mobility", slug="mobility")
    energy = ThemeFactory(name="Energy", slug="energy")
    translate(mobility, locales["fr"], {"name": ["Mobilité"]})

    def city(code, title, slug, country, english=None):
        page = CityPageFactory(
            parent=network_tree.index_in(code), title=title, slug=slug, country=country, english_name=english or title
        )
        alias_into_every_locale(page)
        return page

    pages = {
        "queretaro": city("es", "Querétaro", "queretaro", "MX"),
        "zalau": city("ro", "Zalău", "zalau", "RO"),
        "lodz": city("pl", "Łódź", "lodz", "PL"),
        "anshan": city("zh-hans", "鞍山", "anshan", "CN", "Anshan"),
        "laem": city("th", "แหลมฉบัง", "laem-chabang", "TH", "Laem Chabang"),
    }
    pages["bus"] = CooperationProjectPageFactory(
        parent=pages["queretaro"], title="Autobuses eléctricos para Querétaro", slug="autobuses",
        summary="La ciudad prueba autobuses eléctricos con baterías recicladas.", themes=[mobility],
        start_date=datetime.date(2024, 3, 1),
    )  # fmt: skip
    pages["campus"] = NewsPageFactory(
        parent=pages["anshan"], title="鞍山钢铁集团与米其林合作建设绿色校园", slug="green-campus",
        summary="米其林轮胎研发中心的工程师与鞍山的大学生一起种树。", date=datetime.date(2026, 4, 2),
    )  # fmt: skip
    pages["port"] = NewsPageFactory(
        parent=pages["laem"], title="การประชุมเครือข่ายเมืองมิชลินที่แหลมฉบัง", slug="network-meeting",
        summary="ผู้แทนจากเมืองสมาชิกร่วมหารือเรื่องพลังงานหมุนเวียน", date=datetime.date(2025, 6, 1),
    )  # fmt: skip
    pages["solar"] = CooperationProjectPageFactory(
        parent=pages["zalau"], title="Panouri solare pe școlile din Zalău", slug="panouri-solare",
        summary="Energie curată pentru școli.", themes=[energy], status="completed",
        start_date=datetime.date(2022, 9, 1), end_date=datetime.date(2024, 6, 30),
    )  # fmt: skip
    pages["tram"] = NewsPageFactory(
        parent=pages["lodz"], title="Nowe tramwaje w Łodzi", slug="tramwaje", summary="Łódź kupuje tramwaje.",
        date=datetime.date(2026, 1, 15),
    )  # fmt: skip
    for key in ("bus", "campus", "port", "solar", "tram"):
        alias_into_every_locale(pages[key])
    # The bus project is also written in English; the campus news is not translated.
    translate(pages["bus"], locales["en"], {"title": ["Electric buses for Querétaro"],
              "summary": ["The city tries electric buses with recycled batteries."]})  # fmt: skip
    index_everything()
    pages["tree"] = network_tree
    return pages


@pytest.fixture(autouse=True)
def _closed_breaker():
    """The Elasticsearch breaker keeps state in the process as well as in the cache: no test inherits another's."""
    elasticsearch.breaker.reset()
    yield
    elasticsearch.breaker.reset()


class HangingSocket:
    """A local TCP port that accepts connections and never answers (the fault of issue 19, not an imitation of
    Elasticsearch); ``attempts`` counts the connections made to it."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.connections = []
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def attempts(self):
        # An attempt waits out the client's timeout, long enough for the thread to have accepted it.
        return len(self.connections)

    def _accept(self):
        while self.running:
            try:
                self.connections.append(self.listener.accept()[0])
            except TimeoutError:
                continue

    def close(self):
        self.running = False
        self.thread.join()
        for connection in [*self.connections, self.listener]:
            connection.close()


@pytest.fixture
def hanging_elasticsearch(settings):
    """ELASTICSEARCH_URL at a socket that never answers, with a short timeout and a breaker opening after 3."""
    hanging = HangingSocket()
    settings.ELASTICSEARCH_URL = hanging.url
    settings.ELASTICSEARCH_TIMEOUT = 0.1
    settings.ELASTICSEARCH_BREAKER_FAILURES = 3
    settings.ELASTICSEARCH_BREAKER_COOLDOWN = 30
    yield hanging
    hanging.close()
