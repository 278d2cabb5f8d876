"""The soak's look into the site's database, run as ``python -m benchmarks.soak_targets <what>`` under the site's
environment (each soak phase uses another database, and Django is set up once per process). Prints JSON.

- ``targets``: the request mix (pages, searches, feeds, API), the projects an editor publishes with their edit
  forms' fields, and a page with a contact form;
- ``state``: contact messages by status, tasks by status, items waiting for Elasticsearch, the published
  projects' search entries;
- ``small-network``: builds a small network for the soak's smoke test (a city, a project, news, an admin).
"""

import json
import os
import sys
from urllib.parse import quote

import django

EDITORS = 6  # a publish takes seconds under load: six editors together publish once a second


def targets():
    from django.db.models import Min, Q
    from wagtail.models import Locale

    from citypages.models import CityIndexPage, CityPage, CooperationProjectPage, NewsPage, Theme
    from tests.citypages.admin_data import project_form

    english = Locale.objects.get(language_code="en")

    def paths(model, count):
        pages = model.objects.live().public().filter(locale=english).order_by("path")[:count]
        return [quote(page.url) for page in pages if page.url]

    words = set()
    for title in CooperationProjectPage.objects.filter(locale=english).values_list("title", flat=True)[:20]:
        words.update(word.lower() for word in title.split() if len(word) > 4 and word.isalpha())
    words = sorted(words)[:8] or ["energy"]
    mix = [("page", "/en/"), ("page", "/fr/"), ("page", "/en/news/"), ("page", "/en/events/"), ("page", "/en/themes/")]
    mix += [("page", path) for path in paths(CityIndexPage, 1) + paths(CityPage, 6)]
    mix += [("page", path) for path in paths(CooperationProjectPage, 6) + paths(NewsPage, 6)]
    words = [quote(word) for word in words]
    mix += [("search", f"/en/search/?q={word}") for word in words]
    mix += [("search", f"/fr/search/?q={word}&type=project") for word in words[:3]]
    mix += [("api", f"/api/v1/search/?q={word}") for word in words[:3]]
    mix += [("api", "/api/v2/pages/?type=citypages.CooperationProjectPage&fields=summary"), ("api", "/api/v2/pages/")]
    mix += [("feed", "/en/feeds/latest.rss"), ("feed", "/en/feeds/latest.atom"), ("feed", "/en/feeds/events.ics")]

    theme = Theme.objects.order_by("pk").first()
    # Originals, not translations (whose editor is wagtail-localize's) nor aliases: the first copy of each item.
    first_copies = CooperationProjectPage.objects.values("translation_key").annotate(first=Min("pk")).values("first")
    originals = CooperationProjectPage.objects.live().filter(pk__in=first_copies, alias_of__isnull=True)
    forms = [(project.pk, project_form(project, theme)) for project in originals.order_by("pk")[:EDITORS]]
    contact = CityPage.objects.live().public().filter(locale=english).exclude(Q(contact_email="")).first()
    return {"mix": mix, "forms": forms, "contact_page": contact.pk if contact else None}


def state():
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from contact.models import ContactMessage
    from search.models import PendingElasticsearchItem

    return {
        "contact": dict(ContactMessage.objects.values_list("status").annotate(n=Count("pk"))),
        "contact_attempts": sum(ContactMessage.objects.values_list("attempts", flat=True)),
        "tasks": dict(DBTaskResult.objects.values_list("status").annotate(n=Count("pk"))),
        "task_runs": {
            str(pk): [status, workers]
            for pk, status, workers in DBTaskResult.objects.values_list("pk", "status", "worker_ids")
        },  # fmt: skip
        "pending_elasticsearch": PendingElasticsearchItem.objects.values("translation_key").distinct().count(),
    }


def small_network():
    from django.contrib.auth import get_user_model

    from citypages.synctree import alias_into_every_locale
    from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory, NewsPageFactory, ThemeFactory
    from tests.conftest import build_network_tree
    from tests.search.conftest import index_everything

    tree = build_network_tree(("fr",))
    energy = ThemeFactory(name="Energy", slug="energy")
    city = CityPageFactory(
        parent=tree.index_in("fr"), title="Clermont-Ferrand", slug="clermont-ferrand",
        contact_name="Marie Lambert", contact_email="international@clermont.example",
    )  # fmt: skip
    project = CooperationProjectPageFactory(
        parent=city, title="Bus électriques", slug="bus-electriques", summary="Des bus à batteries recyclées.",
        themes=[energy],
    )  # fmt: skip
    news = NewsPageFactory(parent=city, title="Le tramway roule", slug="tramway", summary="Une ligne de tramway.")
    for page in (city, project, news):
        page.save_revision().publish()
        alias_into_every_locale(page)
    get_user_model().objects.create_superuser("admin", "admin@citynet.example", os.environ["DEMO_PASSWORD"])
    index_everything()
    return {"built": True}


if __name__ == "__main__":
    django.setup()
    what = {"targets": targets, "state": state, "small-network": small_network}[sys.argv[1]]
    print(json.dumps(what(), default=str))
