"""The demo network as seed_network loads it: complete, multilingual, idempotent, browsable."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.http import urlencode
from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, Translation

from citypages.models import CityIndexPage, CityPage, CooperationProjectPage, EventPage, NewsPage, Theme
from commitments.models import DeclarationIndexPage, DeclarationPage
from demo.content import LOCALES
from home.models import HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.seeded]
PASSWORD = "seeded-test-password"
PAGE_TYPES = (
    HomePage,
    CityIndexPage,
    CityPage,
    CooperationProjectPage,
    NewsPage,
    EventPage,
    DeclarationIndexPage,
    DeclarationPage,
)


@pytest.fixture(scope="module")
def seed_report(seeded_network):
    return seeded_network


def report_rows(report):
    """{type: {locale: count}} from the summary table the command prints."""
    lines = report.splitlines()
    header = next(line for line in lines if line.strip().startswith("type"))
    locales = header.split()[1:-1]
    rows = {}
    for line in lines[lines.index(header) + 1 :]:
        match = re.match(r"\s+(\D+?)\s+((?:\d+\s+)+\d+)$", line)
        if match:
            counts = [int(n) for n in match.group(2).split()]
            rows[match.group(1)] = dict(zip(locales, counts[:-1], strict=True)) | {"total": counts[-1]}
    return rows


def sources(model):
    return model.objects.filter(alias_of__isnull=True, locale__language_code__in=LOCALES)


def test_every_city_of_the_network_is_loaded_in_its_own_language(seed_report):
    assert CityPage.objects.values("translation_key").distinct().count() == 42
    originals = {
        page.slug: page.locale.language_code
        for page in CityPage.objects.filter(alias_of__isnull=True).select_related("locale")
        if not page.get_translations().filter(alias_of__isnull=True, pk__lt=page.pk).exists()
    }
    assert originals["anshan"] == "zh-hans"
    assert originals["laem-chabang"] == "th"
    assert originals["olsztyn"] == "pl"
    assert originals["clermont-ferrand"] == "fr"


def test_every_city_tree_exists_in_every_locale(seed_report):
    for city in CityPage.objects.filter(locale__language_code="en"):
        assert city.get_translations(inclusive=True).count() == len(LOCALES), city.slug
    zalau = CityPage.objects.filter(slug="zalau").select_related("collection")
    assert {city.collection.name for city in zalau} == {"Zalău"}


def test_the_network_has_the_content_the_issue_asks_for(seed_report):
    assert CooperationProjectPage.objects.values("translation_key").distinct().count() >= 60
    assert NewsPage.objects.values("translation_key").distinct().count() >= 150
    conferences = EventPage.objects.filter(is_network_conference=True, locale__language_code="en")
    assert sorted(conferences.values_list("conference_number", flat=True)) == [1, 2, 3, 4, 5]
    assert Theme.objects.filter(locale__language_code="th").count() == Theme.objects.filter(
        locale__language_code="en"
    ).count() == 15  # fmt: skip


def test_projects_are_translated_into_english_and_french(seed_report):
    for code in ("en", "fr"):
        translated = CooperationProjectPage.objects.filter(locale__language_code=code, alias_of__isnull=True)
        assert translated.count() == CooperationProjectPage.objects.values("translation_key").distinct().count()
    news_in_english = NewsPage.objects.filter(locale__language_code="en", alias_of__isnull=True).count()
    assert news_in_english >= 75


def test_report_counts_what_is_in_the_database(seed_report):
    rows = report_rows(seed_report)
    for model in PAGE_TYPES:
        name = str(model._meta.verbose_name_plural)
        for code in LOCALES:
            in_db = model.objects.filter(locale__language_code=code).count()
            assert rows[name].get(code, 0) == in_db, (name, code)
    originals = CooperationProjectPage.objects.values("translation_key").distinct().count()
    aliases = CooperationProjectPage.objects.filter(alias_of__isnull=False).count()
    assert f"cooperation projects: {originals} originals, " in seed_report
    assert seed_report.split("cooperation projects: ")[1].splitlines()[0].endswith(f", {aliases} aliases")


def test_a_second_run_changes_nothing_and_says_so(seed_report):
    before = Page.objects.count()
    output = StringIO()
    call_command("seed_network", "--no-progress", stdout=output)
    assert "Nothing to do" in output.getvalue()
    assert Page.objects.count() == before


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_every_page_type_renders_in_every_locale(seed_report, client, model):
    for locale in Locale.objects.filter(language_code__in=LOCALES):
        pages = model.objects.live().filter(locale=locale).order_by("pk")[:2]
        assert pages, (model, locale)
        for page in pages:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert f'<html lang="{locale.language_code}">' in response.content.decode()


def test_home_page_shows_the_whole_network(seed_report, client):
    html = client.get("/zh-hans/").content.decode()
    assert '<html lang="zh-hans">' in html
    assert ">42<" in html  # member cities, computed from the data


def test_demo_accounts_use_the_demo_password(seed_report, client):
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    for username in (
        "admin",
        "clermont-ferrand.communicator",
        "clermont-ferrand.moderator",
        "anshan.communicator",
        "anshan.moderator",
        "german.translator",
        "chinese.translator",
    ):
        assert client.login(username=username, password=PASSWORD), username


def test_network_administrator_sees_every_city_tree_in_every_locale(seed_report, client):
    client.login(username="admin", password=PASSWORD)
    for index in CityIndexPage.objects.all():
        response = client.get(f"/admin/pages/{index.pk}/")
        assert response.status_code == 200
        html = response.content.decode()
        city_ids = index.get_children().values_list("pk", flat=True)
        assert len(city_ids) == 42
        assert all(f"/admin/pages/{pk}/edit/" in html for pk in city_ids), index.locale


def test_communicator_edits_their_city_in_every_locale_and_nothing_else(seed_report, client):
    client.login(username="clermont-ferrand.communicator", password=PASSWORD)
    for copy in CityPage.objects.filter(slug="clermont-ferrand"):
        assert client.get(f"/admin/pages/{copy.pk}/edit/").status_code == 200
    for copy in CityPage.objects.filter(slug="anshan")[:3]:
        assert client.get(f"/admin/pages/{copy.pk}/edit/").status_code in (302, 403)


def test_german_translator_translates_an_anshan_news_item_for_the_german_home_page(
    seed_report, client, django_capture_on_commit_callbacks
):
    """The issue's walkthrough, over HTTP as the demo translator does it in the browser."""
    german = Locale.objects.get(language_code="de")
    original = NewsPage.objects.get(slug="anshan-2026-winter-youth-exchange", locale__language_code="zh-hans")
    alias = original.get_translation(german)
    home = client.get("/de/").content.decode()
    assert "badge--original" in card_of(home, original.title)

    assert client.login(username="german.translator", password=PASSWORD)
    assert "/admin/localize/submit/page/" in client.get(f"/admin/pages/{alias.pk}/edit/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{original.pk}/", {"locales": [german.pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=original.translation_key, target_locale=german)
    assert client.get(f"/admin/pages/{alias.pk}/edit/").status_code == 200  # the translation editor

    german_texts = {
        "title": "Anshan lädt zum Winter-Jugendaustausch ein",
        "summary": "Anshan plant im Januar ein erstes Wintercamp für Schülerinnen und Schüler der Netzwerkstädte.",
    }
    for segment in StringSegment.objects.filter(source=translation.source, context__path__in=german_texts):
        url = f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"
        data = urlencode({"value": german_texts[segment.context.path]})
        response = client.put(url, data, content_type="application/x-www-form-urlencoded")
        assert response.status_code in (200, 201), response.content
    assert client.post(f"/admin/localize/translate/{translation.pk}/machine_translate/").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/pages/{alias.pk}/edit/", {"action": "publish"}).status_code == 302

    client.logout()
    home = client.get("/de/").content.decode()
    card = card_of(home, german_texts["title"])
    assert "badge--original" not in card and 'lang="zh-hans"' not in card
    assert original.title not in home
    assert home.count("badge--original") >= 3  # the other items stay in their original languages, labelled
    page = client.get(alias.get_url()).content.decode()
    assert f'<h1 lang="de">{german_texts["title"]}</h1>' in page and 'role="note"' not in page


def card_of(html, title):
    start = html.index(title)
    return html[html.rindex("<li", 0, start) : html.index("</li>", start)]


def test_check_permissions_finds_no_problem_in_the_seeded_network(seed_report):
    output = StringIO()
    call_command("check_permissions", "--no-progress", stdout=output)
    assert "Checked 42 cities (462 page copies)" in output.getvalue()
    assert "0 problems" in output.getvalue()


def news_form(title, slug, action):
    return nested_form_data(
        {
            "title": title, "slug": slug, "date": "2026-11-29", "summary": f"{title}.",
            "body": streamfield([("paragraph", rich_text(f"<p>{title}</p>"))]), "page_themes": inline_formset([]),
            "related_cities": inline_formset([]), "related_projects": inline_formset([]),
            "comments": inline_formset([]), action: action,
        }
    )  # fmt: skip


@pytest.mark.parametrize("city", ["clermont-ferrand", "anshan"])
def test_city_accounts_publish_in_their_section_in_every_locale_and_nowhere_else(seed_report, client, city):
    """Issue 4's walkthrough: the communicator submits, the moderator approves; each in all 11 locale copies."""
    other = "anshan" if city == "clermont-ferrand" else "clermont-ferrand"
    User = get_user_model()
    communicator, moderator = (User.objects.get(username=f"{city}.{role}") for role in ("communicator", "moderator"))
    for copy in CityPage.objects.filter(slug=city).select_related("locale"):
        code = copy.locale.language_code
        slug = f"{city}-network-day-{code}"
        client.force_login(communicator)
        response = client.post(
            f"/admin/pages/add/citypages/newspage/{copy.pk}/", news_form(slug, slug, "action-submit")
        )
        assert response.status_code == 302, code
        page = NewsPage.objects.get(slug=slug, locale=copy.locale)
        assert not page.live
        state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")

        client.force_login(moderator)
        task_state = state.current_task_state
        url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
        assert client.post(url).url == f"/admin/pages/{page.pk}/edit/", code
        page.refresh_from_db()
        assert page.live, code
        assert client.get(page.get_url()).status_code == 200

    for username in (communicator.username, moderator.username):
        client.force_login(User.objects.get(username=username))
        for copy in CityPage.objects.filter(slug=other):
            response = client.get(f"/admin/pages/add/citypages/newspage/{copy.pk}/")
            assert response.status_code in (302, 403)
            assert client.get(f"/admin/pages/{copy.pk}/edit/").status_code in (302, 403)
        listing = client.get(f"/admin/pages/{CityIndexPage.objects.get(locale__language_code='en').pk}/")
        assert f"/admin/pages/{CityPage.objects.get(slug=other, locale__language_code='en').pk}/" not in (
            listing.content.decode()
        )
