"""Every change visitors can see makes the cached pages that show it fresh on the next request (issue 16).

Editors act over HTTP in the admin, as they do; the visitor reads the pages from the cache before and after.
"""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from citypages.models import CityPage, ProjectPartnerCity
from tests.citypages.admin_data import project_form
from tests.citypages.factories import CityPageFactory

from .conftest import cached, read

pytestmark = pytest.mark.django_db
PROJECT = "/en/cities/clermont-ferrand/electric-buses/"
CITY = "/en/cities/clermont-ferrand/"


def fresh(visitor, url):
    html, hit = read(visitor, url)
    assert not hit, f"{url} was served from the cache after the change"
    return html


def test_publishing_a_page_refreshes_it_and_every_page_that_lists_it(visitor, office, network):
    for url in (PROJECT, CITY, "/en/", "/en/themes/mobility/", "/en/feeds/latest.rss"):
        cached(visitor, url)
    project = network.project
    response = office.post(
        f"/admin/pages/{project.pk}/edit/", project_form(project, network.theme, title="Hydrogen buses")
    )
    assert response.status_code == 302
    assert "Hydrogen buses" in fresh(visitor, PROJECT)
    assert "Hydrogen buses" in fresh(visitor, CITY)
    assert "Hydrogen buses" in fresh(visitor, "/en/themes/mobility/")
    assert "Hydrogen buses" in cached(visitor, PROJECT)  # and cached again


def test_saving_a_draft_keeps_the_cache(visitor, office, network):
    cached(visitor, PROJECT)
    form = project_form(network.project, network.theme, title="Draft title")
    del form["action-publish"]
    assert office.post(f"/admin/pages/{network.project.pk}/edit/", form).status_code == 302
    html, hit = read(visitor, PROJECT)
    assert hit and "Draft title" not in html


def test_unpublishing_a_page_removes_it(visitor, office, network):
    cached(visitor, CITY)
    cached(visitor, PROJECT)
    response = office.post(f"/admin/pages/{network.project.pk}/unpublish/", {"include_descendants": "on"})
    assert response.status_code == 302
    assert visitor.get(PROJECT).status_code == 404
    assert "Electric buses" not in fresh(visitor, CITY)


def test_deleting_a_page_removes_it(visitor, office, network):
    cached(visitor, CITY)
    assert office.post(f"/admin/pages/{network.news.pk}/delete/").status_code == 302
    assert visitor.get("/en/cities/clermont-ferrand/buses-arrive/").status_code == 404
    assert "Buses arrive" not in fresh(visitor, CITY)


def test_making_a_page_private_stops_serving_it_to_visitors(visitor, office, network):
    cached(visitor, PROJECT)
    response = office.post(f"/admin/pages/{network.project.pk}/privacy/", {"restriction_type": "login"})
    assert response.status_code == 200
    response = visitor.get(PROJECT)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert response.get("X-Page-Cache") != "hit"


def test_moving_a_page_moves_it_on_the_site(visitor, office, network):
    cached(visitor, PROJECT)
    cached(visitor, "/en/cities/anshan/")
    response = office.post(f"/admin/pages/{network.project.pk}/move/{network.anshan.pk}/confirm/")
    assert response.status_code == 302
    moved = visitor.get(PROJECT)  # Wagtail leaves a redirect from the old address
    assert moved.status_code == 301 and moved["Location"].endswith("/en/cities/anshan/electric-buses/")
    assert "Electric buses" in fresh(visitor, "/en/cities/anshan/")


def test_a_new_city_appears_in_the_index_and_on_the_home_page(visitor, office, network):
    cached(visitor, "/en/cities/")
    cached(visitor, "/en/")
    city = CityPageFactory.build(title="Olsztyn", slug="olsztyn", country="PL")
    network.tree.city_index.add_child(instance=city)
    city.unpublish()
    response = office.post(f"/admin/pages/{city.pk}/edit/", city_form(city))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Olsztyn" in fresh(visitor, "/en/cities/")
    assert "Olsztyn" in fresh(visitor, "/en/")


def test_a_published_translation_is_served_in_its_language(
    visitor, office, network, django_capture_on_commit_callbacks
):
    french = network.tree.locales["fr"]
    cached(visitor, "/fr/cities/")
    with django_capture_on_commit_callbacks(execute=True):
        office.post(f"/admin/localize/submit/page/{network.clermont.pk}/", {"locales": [french.pk]})
    copy = CityPage.objects.get(translation_key=network.clermont.translation_key, locale=french)
    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(f"/admin/pages/{copy.pk}/edit/", {"action": "publish"})
    assert response.status_code in (200, 302)
    assert copy.get_latest_revision() is not None
    html = fresh(visitor, "/fr/cities/")
    assert "Clermont-Ferrand" in html
    assert visitor.get("/fr/cities/clermont-ferrand/").status_code == 200


@pytest.mark.parametrize(
    "snippet, field, value",
    [("theme", "name", "Clean mobility"), ("organisation", "name", "Université Clermont Auvergne")],
)
def test_changing_a_theme_or_an_organisation_refreshes_the_pages_that_name_it(
    visitor, office, network, snippet, field, value
):
    page = PROJECT
    cached(visitor, page)
    instance = getattr(network, snippet)
    edit = f"/admin/snippets/citypages/{snippet}/edit/{instance.pk}/"
    form = office.get(edit).context["form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    data = {name: value.pk if hasattr(value, "pk") else value for name, value in data.items() if value is not None}
    data[field] = value
    response = office.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert value in fresh(visitor, page)


def test_changing_a_declarations_commitments_refreshes_its_page_and_its_signatories(visitor, office, network):
    declaration = network.declaration
    url = "/en/declarations/queretaro/"
    cached(visitor, url)
    cached(visitor, CITY)
    commitment = declaration.commitments.get()
    form = nested_form_data(
        {
            "title": declaration.title, "slug": declaration.slug, "date": "2022-03-17",
            "place": declaration.place, "conference": "", "summary": declaration.summary,
            "body": streamfield([("paragraph", rich_text("<p>The undersigned cities commit to act.</p>"))]),
            "commitments": inline_formset(
                [{"id": commitment.pk, "title": "Clean air in every school", "description": "Measured."}],
                initial=1, min=1,
            ),
            "signatories": inline_formset(
                [{"id": s.pk, "city": s.city_id} for s in declaration.signatories.all()], initial=1, min=1
            ),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )  # fmt: skip
    assert office.post(f"/admin/pages/{declaration.pk}/edit/", form).status_code == 302
    assert "Clean air in every school" in fresh(visitor, url)
    fresh(visitor, CITY)


def test_a_row_changed_outside_the_editor_refreshes_the_pages(visitor, network):
    html = cached(visitor, PROJECT)
    assert "Anshan" not in html
    ProjectPartnerCity.objects.create(page=network.project, city=network.anshan)
    assert "Anshan" in fresh(visitor, PROJECT)


def test_a_scheduled_publication_goes_live(visitor, network):
    cached(visitor, PROJECT)
    project = network.project
    project.title = "Buses on schedule"
    revision = project.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(hours=1))
    assert revision.approved_go_live_at is not None
    html, hit = read(visitor, PROJECT)
    assert hit and "Buses on schedule" not in html
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2), tick=False):
        call_command("publish_scheduled")
        assert "Buses on schedule" in fresh(visitor, PROJECT)


def test_a_project_past_its_end_date_changes_status_at_midnight(visitor, network):
    project = network.project
    project.end_date = timezone.localdate()
    project.save_revision().publish()
    assert "To be confirmed" not in cached(visitor, PROJECT)
    tomorrow = datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=1), datetime.time(0, 1))
    with time_machine.travel(timezone.make_aware(tomorrow), tick=False):
        assert "To be confirmed" in fresh(visitor, PROJECT)


def city_form(city):
    return nested_form_data(
        {
            "title": city.title, "slug": city.slug, "local_name": city.local_name, "english_name": city.english_name,
            "country": city.country, "region": "", "latitude": "53.78", "longitude": "20.49", "population": "",
            "member_since": "2017", "role": "member", "michelin_site": "", "intro": city.intro,
            "body": streamfield([]), "contact_name": "", "contact_email": "",
            "offers": inline_formset([]), "needs": inline_formset([]), "twinnings": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )  # fmt: skip
