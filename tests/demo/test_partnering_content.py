"""What cities offer and seek, and what projects seeking partners need, in the demo data and the seeded network."""

import json
import shutil

import pytest
from wagtail.models import Page

from citypages.models import CityNeed, CityOffer, CityPage, Contribution, CooperationProjectPage, ProjectNeed
from demo import content
from demo.content import DemoDataError, load_network_data

SEEKING = CooperationProjectPage.Status.SEEKING_PARTNERS


def test_every_city_offers_and_seeks_and_every_seeking_project_says_what_it_needs():
    data = load_network_data()
    assert all(1 <= len(city["offers"]) <= 3 and 1 <= len(city["needs"]) <= 2 for city in data.cities)
    seeking = [project for project in data.projects if project["status"] == SEEKING]
    assert len(seeking) == 13
    assert all(1 <= len(project["needs"]) <= 2 for project in seeking)


def test_some_offers_meet_needs_and_some_needs_meet_no_offer():
    data = load_network_data()
    offered = {(offer["theme"], city["slug"]) for city in data.cities for offer in city["offers"]}
    offered_themes = {theme for theme, _slug in offered}
    met = [
        city["slug"]
        for city in data.cities
        if any(theme == need["theme"] and slug != city["slug"] for need in city["needs"] for theme, slug in offered)
    ]
    unmet = [city["slug"] for city in data.cities if not {n["theme"] for n in city["needs"]} & offered_themes]
    assert len(met) >= 30
    assert len(unmet) >= 2


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A writable copy of the data files; ``edit(name)`` yields a group file to change in place."""
    copy = tmp_path / "data"
    shutil.copytree(content.DATA_DIR, copy)
    monkeypatch.setattr(content, "DATA_DIR", copy)

    class Files:
        def read(self, name):
            return json.loads((copy / name).read_text(encoding="utf-8"))

        def write(self, name, group):
            (copy / name).write_text(json.dumps(group, ensure_ascii=False), encoding="utf-8")

    return Files()


def problems_of(data_copy, name, change):
    group = data_copy.read(name)
    change(group)
    data_copy.write(name, group)
    with pytest.raises(DemoDataError) as error:
        load_network_data()
    return "\n".join(error.value.problems)


def city(group, slug):
    return next(item for item in group["cities"] if item["slug"] == slug)


def project(group, key):
    return next(item for item in group["projects"] if item["key"] == key)


def test_an_unknown_theme_in_an_offer_or_a_need_is_reported(data_copy):
    def change(group):
        city(group, "clermont-ferrand")["offers"][0]["theme"] = "no-such-theme"
        city(group, "clermont-ferrand")["needs"][1]["theme"] = "gardening"

    problems = problems_of(data_copy, "france.json", change)
    assert "city clermont-ferrand offer 1: unknown theme 'no-such-theme'" in problems
    assert "city clermont-ferrand need 2: unknown theme 'gardening'" in problems


def test_an_offered_project_must_be_one_of_the_citys_own(data_copy):
    def change(group):
        clermont = city(group, "clermont-ferrand")
        clermont["offers"][2]["project"] = "anshan-clermont-university-cooperation"  # Anshan's, in asia.json
        clermont["offers"][0]["contribution"] = "project"  # a project offer naming none
        clermont["offers"][1]["project"] = "clermont-ferrand-bike-school-programme"  # on a "university" offer
        clermont["needs"][0]["contribution"] = "money"

    problems = problems_of(data_copy, "france.json", change)
    assert (
        "city clermont-ferrand offer 3: project 'anshan-clermont-university-cooperation' is not the city's own "
        "(its lead city is anshan)" in problems
    )
    assert "city clermont-ferrand offer 1: a 'project' offer names one of the city's projects" in problems
    assert "city clermont-ferrand offer 2: only a 'project' offer names a project" in problems
    assert "city clermont-ferrand need 1: bad contribution 'money'" in problems


def test_a_translation_without_the_same_offers_needs_or_skills_is_reported(data_copy):
    def change(group):
        karlsruhe = city(group, "karlsruhe")
        karlsruhe["text"]["fr"]["offer_descriptions"].pop()
        del karlsruhe["text"]["en"]["need_descriptions"]
        project(group, "karlsruhe-lastenrad-mikrodepots")["text"]["en"]["need_skills"].pop()

    problems = problems_of(data_copy, "central_europe.json", change)
    assert "city karlsruhe [fr]: 1 offer_descriptions for 2 items, one each expected" in problems
    assert "city karlsruhe [fr]: 'offer_descriptions' has another shape than the source" in problems
    assert "city karlsruhe [en]: 0 need_descriptions for 1 items, one each expected" in problems
    assert "project karlsruhe-lastenrad-mikrodepots [en]: 1 need_skills for 2 items, one each expected" in problems


def test_a_project_seeking_partners_without_needs_is_reported(data_copy):
    def change(group):
        seeking = project(group, "shenyang-cold-cities-heating-air-quality")
        del seeking["needs"]
        for entry in seeking["text"].values():
            del entry["need_skills"]
        other = project(group, "nong-khae-canteen-compost-farms")
        other["needs"][0]["partner_kind"] = "friend"
        other["needs"][0]["deadline"] = "soon"

    problems = problems_of(data_copy, "asia.json", change)
    assert "project shenyang-cold-cities-heating-air-quality: seeking partners but lists no needs" in problems
    assert "project nong-khae-canteen-compost-farms need 1: bad partner_kind 'friend'" in problems
    assert "project nong-khae-canteen-compost-farms need 1 deadline: bad date 'soon'" in problems


def test_texts_longer_than_the_models_allow_are_reported(data_copy):
    def change(group):
        city(group, "anshan")["text"]["en"]["offer_descriptions"][0] = "x" * 401
        project(group, "nong-khae-canteen-compost-farms")["text"]["fr"]["need_skills"][0] = "x" * 201

    problems = problems_of(data_copy, "asia.json", change)
    assert "city anshan [en]: offer_descriptions entry longer than 400 characters" in problems
    assert "project nong-khae-canteen-compost-farms [fr]: need_skills entry longer than 200 characters" in problems


# -- the seeded network ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.seeded
class TestSeededNetwork:
    @pytest.fixture(autouse=True)
    def _seeded(self, seeded_network):
        self.data = load_network_data()

    def test_every_copy_of_every_city_has_offers_and_needs(self):
        assert CityPage.objects.filter(offers__isnull=True).count() == 0
        assert CityPage.objects.filter(needs__isnull=True).count() == 0
        for city_data in self.data.cities:
            page = CityPage.objects.get(slug=city_data["slug"], locale__language_code=city_data["locale"])
            assert page.offers.count() == len(city_data["offers"]), page.slug
            assert page.needs.count() == len(city_data["needs"]), page.slug
            assert [offer.description for offer in page.offers.all()] == (
                city_data["text"][city_data["locale"]]["offer_descriptions"]
            )

    def test_each_offered_project_belongs_to_its_city(self):
        offers = CityOffer.objects.filter(contribution=Contribution.PROJECT).select_related("page", "project")
        assert offers.count() > 25  # on every copy of the cities offering one
        for offer in offers:
            assert offer.project is not None
            city = CityPage.objects.ancestor_of(offer.project).get()
            assert city.translation_key == offer.page.translation_key, (offer.page.slug, offer.project.slug)
        assert not CityOffer.objects.exclude(contribution=Contribution.PROJECT).filter(project__isnull=False).exists()

    def test_every_project_seeking_partners_says_what_it_needs_on_every_copy(self):
        seeking = CooperationProjectPage.objects.filter(status=SEEKING)
        assert seeking.values("translation_key").distinct().count() == 13
        assert not seeking.filter(needs__isnull=True).exists()
        assert ProjectNeed.objects.exclude(page__status=SEEKING).count() == 0

    def test_the_first_revision_of_a_seeking_project_has_its_needs(self):
        page = CooperationProjectPage.objects.get(slug="karlsruhe-lastenrad-mikrodepots", locale__language_code="de")
        first = page.revisions.order_by("created_at", "pk").first()
        assert [need["partner_kind"] for need in first.content["needs"]] == ["company", "city"]

    def test_a_french_copy_shows_french_offers_and_an_alias_the_original_text(self):
        karlsruhe = {
            page.locale.language_code: page
            for page in CityPage.objects.filter(slug="karlsruhe").select_related("locale")
        }
        texts = next(city for city in self.data.cities if city["slug"] == "karlsruhe")["text"]
        french = karlsruhe["fr"]
        assert french.alias_of_id is None
        assert [offer.description for offer in french.offers.all()] == texts["fr"]["offer_descriptions"]
        assert [need.description for need in french.needs.all()] == texts["fr"]["need_descriptions"]
        assert french.offers.first().description.startswith("Le modèle de Karlsruhe")
        assert [offer.description for offer in karlsruhe["en"].offers.all()] == texts["en"]["offer_descriptions"]
        # a language without a translation shows the original (German) text, as for the page's other fields
        assert karlsruhe["it"].alias_of_id is not None
        assert [offer.description for offer in karlsruhe["it"].offers.all()] == texts["de"]["offer_descriptions"]
        # the published French page is what readers get
        live = Page.objects.get(pk=french.pk).specific.get_latest_revision_as_object()
        assert [offer.description for offer in live.offers.all()] == texts["fr"]["offer_descriptions"]

    def test_project_needs_are_translated_like_the_rest_of_the_project(self):
        copies = {
            page.locale.language_code: page
            for page in CooperationProjectPage.objects.filter(slug="shenyang-cold-cities-heating-air-quality")
        }
        texts = next(p for p in self.data.projects if p["key"] == "shenyang-cold-cities-heating-air-quality")["text"]
        for code in ("zh-hans", "en", "fr"):
            assert [need.skills for need in copies[code].needs.all()] == texts[code]["need_skills"], code
        assert [need.skills for need in copies["de"].needs.all()] == texts["zh-hans"]["need_skills"]

    def test_a_city_translated_into_french_at_onboarding_has_french_offers(self):
        anshan = CityPage.objects.get(slug="anshan", locale__language_code="fr")
        assert anshan.alias_of_id is None
        assert anshan.offers.first().description.startswith("Une université locale")
        assert CityNeed.objects.get(page=anshan).description.startswith("Des expériences d’amélioration")

    def test_a_translation_sync_keeps_the_translated_offers(self):
        """The texts are localize's string translations, so re-saving the translation (what "Sync translated
        pages" does) keeps them instead of copying the source's text back."""
        from wagtail_localize.models import Translation

        french = CityPage.objects.get(slug="karlsruhe", locale__language_code="fr")
        before = [offer.description for offer in french.offers.all()]
        source = CityPage.objects.get(slug="karlsruhe", locale__language_code="de")
        translation = Translation.objects.get(source__object_id=source.translation_key, target_locale=french.locale)
        translation.source.update_from_db()
        translation.save_target(publish=True)
        french = CityPage.objects.get(pk=french.pk)
        assert [offer.description for offer in french.offers.all()] == before
        assert before[0].startswith("Le modèle de Karlsruhe")
        assert {offer.translation_key for offer in french.offers.all()} == {
            offer.translation_key for offer in source.offers.all()
        }
