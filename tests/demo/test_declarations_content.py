"""The demo network's declaration, commitments, project lineage and review dates: in the data, then seeded."""

import datetime

import pytest
from django.utils import timezone

from citypages.lifecycle import TO_BE_CONFIRMED
from citypages.models import CityPage, CooperationProjectPage
from cityteams.models import CityTeam
from cityteams.review import projects_to_review
from commitments.models import DeclarationPage, ProjectCommitment
from commitments.tracker import declaration_progress
from demo.content import load_network_data
from demo.validation import LOCALES
from tests.demo.test_partnering_content import data_copy, problems_of, project  # noqa: F401 - fixture

QUERETARO_SIGNATORIES = {
    "queretaro", "clermont-ferrand", "vitoria-gasteiz", "valladolid", "aranda-de-duero", "norman", "anderson",
    "kings-county", "braga", "cuneo", "regensburg", "karlsruhe", "homburg",
}  # fmt: skip


def test_the_queretaro_declaration_has_its_13_signatories_and_a_text_in_every_language():
    declaration = load_network_data().declarations["declarations"][0]
    assert set(declaration["signatories"]) == QUERETARO_SIGNATORIES
    assert set(declaration["text"]) == set(LOCALES)
    projects = {key: item for item in load_network_data().projects for key in [item["key"]]}
    leads = {projects[key]["lead_city"] for item in declaration["commitments"] for key in item["projects"]}
    assert leads == QUERETARO_SIGNATORIES  # every signatory has at least one project serving it


def test_a_project_of_a_city_that_did_not_sign_is_reported(data_copy):  # noqa: F811
    declarations = data_copy.read("declarations.json")
    declarations["declarations"][0]["commitments"][0]["projects"].append("greenville-tire-road-wear-particles")
    data_copy.write("declarations.json", declarations)
    problems = problems_of(data_copy, "anglophone.json", lambda group: None)
    assert "'greenville-tire-road-wear-particles' is led by greenville, not a signatory" in problems


def test_lineage_mistakes_are_reported(data_copy):  # noqa: F811
    def change(group):
        project(group, "norman-electric-fare-free-buses")["origin_declaration"] = "no-such-declaration"
        project(group, "anderson-climate-action-roadmap")["based_on"] = "salford-youth-media-lab"  # listed later
        project(group, "greenville-tire-road-wear-particles")["updated"] = "last spring"

    problems = problems_of(data_copy, "anglophone.json", change)
    assert "norman-electric-fare-free-buses: origin is a declaration but names none" in problems
    assert "anderson-climate-action-roadmap: based on 'salford-youth-media-lab', which is not a project listed" in (
        problems
    )
    assert "greenville-tire-road-wear-particles updated: bad date 'last spring'" in problems


@pytest.mark.django_db
@pytest.mark.seeded
class TestSeededDeclarations:
    @pytest.fixture(autouse=True)
    def _seeded(self, seeded_network):
        self.data = load_network_data()

    def test_every_language_tree_tracks_the_declaration_with_the_datas_links(self):
        declaration_data = self.data.declarations["declarations"][0]
        expected = [len(item["projects"]) for item in declaration_data["commitments"]]
        copies = DeclarationPage.objects.filter(slug="queretaro-declaration")
        assert copies.count() == len(LOCALES)
        for copy in copies:
            progress = declaration_progress(copy)
            assert [row.total for row in progress.commitments] == expected, copy.locale
            assert {row.city.slug for row in progress.signatories} == QUERETARO_SIGNATORIES, copy.locale
            assert progress.signatories_with_projects == 13, copy.locale

    def test_every_copy_of_a_linked_project_serves_the_same_commitments(self):
        project = CooperationProjectPage.objects.filter(slug="regensburg-klimaschutz-im-welterbe")
        keys = {copy.pk: sorted(str(k) for k in copy.served_commitments.values_list("commitment", flat=True))
                for copy in project}  # fmt: skip
        assert len(keys) == len(LOCALES) and len({tuple(v) for v in keys.values()}) == 1
        assert len(next(iter(keys.values()))) == 2
        assert ProjectCommitment.objects.values("page__translation_key").distinct().count() == 18

    def test_projects_name_their_declaration_and_what_they_are_based_on(self, client):
        braga = CooperationProjectPage.objects.get(
            slug="braga-media-arts-cross-residencies", locale__language_code="en"
        )
        assert braga.based_on.slug == "clermont-ferrand-cross-artist-residencies"
        original = CooperationProjectPage.objects.get(
            slug="clermont-ferrand-cross-artist-residencies", locale__language_code="en"
        )
        html = client.get(original.url).content.decode()
        reused = html[html.index("Reused by") :]
        assert "Braga" in reused and "Lasarte-Oria" in reused
        from_declaration = CooperationProjectPage.objects.filter(origin="declaration")
        assert not from_declaration.filter(origin_declaration__isnull=True).exists()

    def test_clermont_ferrand_has_projects_to_review(self):
        city = CityPage.objects.get(slug="clermont-ferrand", locale__language_code="fr")
        team = CityTeam.objects.get(city_key=city.translation_key)
        to_confirm, stale = projects_to_review(team, now=timezone.make_aware(datetime.datetime(2026, 11, 30)))
        assert [p.slug for p in to_confirm] == ["clermont-ferrand-travel-sketchbook-artists"]
        assert [p.slug for p in stale] == [  # the longest untouched first
            "clermont-ferrand-sustainable-school-canteens",
            "clermont-ferrand-construction-materials-reuse",
            "clermont-ferrand-china-university-cooperation",
        ]
        assert all(p.current_status == TO_BE_CONFIRMED for p in to_confirm)
