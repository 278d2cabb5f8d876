"""A small site, built in a process of its own (``python -m tests.operations.world``) so that everything is
committed, as on a real server, for the backup round trip (test_backup.py)."""

import django


def build():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from citypages.synctree import alias_into_every_locale
    from contact.models import ContactMessage
    from demo.localized import translate
    from tests.citypages.factories import CityPageFactory, NewsPageFactory
    from tests.conftest import build_network_tree
    from tests.library.factories import NetworkDocumentFactory
    from tests.search.conftest import index_everything

    tree = build_network_tree(("fr",))
    city = CityPageFactory(parent=tree.index_in("fr"), title="Clermont-Ferrand", slug="clermont-ferrand")
    news = NewsPageFactory(parent=city, title="Le tramway roule", slug="tramway", summary="Une ligne de tramway.")
    for page in (city, news):
        page.save_revision().publish()
        alias_into_every_locale(page)
    translate(news, tree.locales["en"], {"title": ["The tramway runs"], "summary": ["A tramway line."]})
    editor = get_user_model().objects.create_user("editor", "editor@citynet.example")
    Group.objects.create(name="Reviewers").user_set.add(editor)
    ContactMessage.objects.create(
        page=city, recipient_email="international@clermont.example", sender_name="Ana", sender_email="ana@x.example",
        body="Bonjour", language="fr",
    )  # fmt: skip
    NetworkDocumentFactory(title="Charter", file__data=b"%PDF-1.4 the charter")
    index_everything()


if __name__ == "__main__":
    django.setup()
    build()
