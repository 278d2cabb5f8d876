"""Linking projects to commitments, and editing declarations, in the admin (over HTTP, as editors do)."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from commitments.models import Commitment, DeclarationSignatory, ProjectCommitment
from tests.citypages.admin_data import project_form
from tests.citypages.factories import CooperationProjectPageFactory

from .factories import DeclarationPageFactory, serve

pytestmark = pytest.mark.django_db


def served_keys(project):
    return [str(key) for key in ProjectCommitment.objects.filter(page=project).values_list("commitment", flat=True)]


def test_a_project_serves_commitments_its_city_signed(office, world, project_of):
    project = project_of(world.clermont, "Electric buses")
    keys = [world.transport.translation_key, world.energy.translation_key]

    response = office.post(f"/admin/pages/{project.pk}/edit/", project_form(project, world.theme, commitments=keys))

    assert response.status_code == 302
    assert served_keys(project) == [str(key) for key in keys]


def test_a_commitment_of_a_declaration_the_city_did_not_sign_is_refused_with_a_clear_error(office, world, project_of):
    project = project_of(world.lyon, "Lyon tramway")
    data = project_form(project, world.theme, commitments=[world.transport.translation_key])

    response = office.post(f"/admin/pages/{project.pk}/edit/", data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Lyon did not sign “Querétaro Declaration”." in html
    assert "A project can only serve the commitments of a declaration its city signed" in html
    assert served_keys(project) == []


def test_a_new_project_of_a_city_that_did_not_sign_is_refused_too(office, world):
    add_url = f"/admin/pages/add/citypages/cooperationprojectpage/{world.lyon.pk}/"
    template = CooperationProjectPageFactory.build(title="Lyon tramway", slug="lyon-tramway")
    data = project_form(template, world.theme, commitments=[world.transport.translation_key])

    response = office.post(add_url, data)

    assert response.status_code == 200
    assert "Lyon did not sign" in response.content.decode()
    assert not ProjectCommitment.objects.exists()


def test_a_commitment_listed_twice_is_refused(office, world, project_of):
    project = project_of(world.clermont, "Electric buses")
    key = world.transport.translation_key

    response = office.post(
        f"/admin/pages/{project.pk}/edit/", project_form(project, world.theme, commitments=[key, key])
    )

    assert response.status_code == 200
    assert "This commitment is already listed." in response.content.decode()


def test_a_forged_commitment_is_a_form_error_not_a_crash(office, world, project_of):
    project = project_of(world.clermont, "Electric buses")
    for forged in ("not-a-uuid", "6f1c1d2e-3b4a-4c5d-8e9f-000000000000"):
        response = office.post(
            f"/admin/pages/{project.pk}/edit/", project_form(project, world.theme, commitments=[forged])
        )
        assert response.status_code == 200
        assert "Select a valid choice." in response.content.decode()
    assert served_keys(project) == []


def test_the_editor_offers_commitments_grouped_by_declaration(office, world, project_of):
    project = project_of(world.clermont, "Electric buses")

    html = office.get(f"/admin/pages/{project.pk}/edit/").content.decode()

    assert '<optgroup label="Querétaro Declaration">' in html
    assert f'<option value="{world.transport.translation_key}">1. Zero-emission public transport</option>' in html


def declaration_form(declaration, commitments, signatories):
    """The declaration editor's form; ``commitments``/``signatories`` are the existing rows, marked with
    ``delete=True`` to remove them, then any new rows as dicts."""
    existing_commitments = list(declaration.commitments.all())
    existing_signatories = list(declaration.signatories.all())
    return nested_form_data(
        {
            "title": declaration.title, "slug": declaration.slug, "date": "2022-03-17",
            "place": declaration.place, "conference": "", "summary": declaration.summary,
            "body": streamfield([("paragraph", rich_text("<p>The undersigned cities commit to act.</p>"))]),
            "commitments": inline_formset(commitments, initial=len(existing_commitments), min=1),
            "signatories": inline_formset(signatories, initial=len(existing_signatories), min=1),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )  # fmt: skip


def commitment_rows(declaration, delete=()):
    return [
        {"id": c.pk, "title": c.title, "description": c.description, "DELETE": "1" if c.pk in delete else ""}
        for c in declaration.commitments.all()
    ]


def signatory_rows(declaration, delete=()):
    return [
        {"id": s.pk, "city": s.city_id, "DELETE": "1" if s.pk in delete else ""} for s in declaration.signatories.all()
    ]


def test_a_commitment_that_projects_serve_cannot_be_removed(office, world, project_of):
    serve(project_of(world.clermont, "Electric buses"), world.transport)
    declaration = world.declaration
    url = f"/admin/pages/{declaration.pk}/edit/"

    response = office.post(
        url,
        declaration_form(
            declaration, commitment_rows(declaration, delete={world.transport.pk}), signatory_rows(declaration)
        ),
    )

    assert response.status_code == 200
    assert "“Zero-emission public transport” cannot be removed: Electric buses serve it." in response.content.decode()
    assert Commitment.objects.filter(pk=world.transport.pk).exists()

    response = office.post(  # a commitment nobody serves can go
        url,
        declaration_form(
            declaration, commitment_rows(declaration, delete={world.food.pk}), signatory_rows(declaration)
        ),
    )
    assert response.status_code == 302
    assert [c.title for c in declaration.commitments.all()] == [
        "Zero-emission public transport",
        "Local renewable energy",
    ]


def test_a_signatory_whose_projects_serve_the_declaration_cannot_be_removed(office, world, project_of):
    serve(project_of(world.clermont, "Electric buses"), world.transport)
    declaration = world.declaration
    clermont_row = declaration.signatories.get(city=world.clermont)
    queretaro_row = declaration.signatories.get(city=world.queretaro)
    url = f"/admin/pages/{declaration.pk}/edit/"

    response = office.post(
        url,
        declaration_form(
            declaration, commitment_rows(declaration), signatory_rows(declaration, delete={clermont_row.pk})
        ),
    )
    assert response.status_code == 200
    assert "Clermont cannot be removed from the signatories: its projects Electric buses serve" in (
        response.content.decode()
    )

    response = office.post(
        url,
        declaration_form(
            declaration, commitment_rows(declaration), signatory_rows(declaration, delete={queretaro_row.pk})
        ),
    )
    assert response.status_code == 302
    assert list(DeclarationSignatory.objects.filter(page=declaration).values_list("city_id", flat=True)) == [
        world.clermont.pk
    ]


def test_a_city_signs_a_declaration_once(office, world):
    declaration = DeclarationPageFactory(parent=world.index, commitments=["Clean air"])
    rows = [{"city": world.clermont.pk}, {"city": world.clermont.pk}]

    response = office.post(
        f"/admin/pages/{declaration.pk}/edit/", declaration_form(declaration, commitment_rows(declaration), rows)
    )

    assert response.status_code == 200
    assert "This city is already a signatory." in response.content.decode()
    assert not declaration.signatories.exists()


def test_a_declaration_that_projects_serve_is_not_deleted(office, world, project_of):
    serve(project_of(world.clermont, "Electric buses"), world.transport)

    for page in (world.declaration, world.index):
        response = office.post(f"/admin/pages/{page.pk}/delete/", follow=True)
        assert "cannot be deleted: Electric buses serve its commitments" in response.content.decode()
    assert type(world.declaration).objects.filter(pk=world.declaration.pk).exists()


def test_a_declaration_nobody_serves_can_be_deleted(office, world):
    response = office.post(f"/admin/pages/{world.declaration.pk}/delete/")

    assert response.status_code == 302
    assert not type(world.declaration).objects.filter(pk=world.declaration.pk).exists()


def test_a_bulk_delete_keeps_a_declaration_that_projects_serve(office, world, project_of):
    serve(project_of(world.clermont, "Electric buses"), world.transport)
    url = f"/admin/bulk/wagtailcore/page/delete/?next=/admin/&id={world.declaration.pk}"

    response = office.post(url, follow=True)

    assert "cannot be deleted: Electric buses serve its commitments" in response.content.decode()
    assert type(world.declaration).objects.filter(pk=world.declaration.pk).exists()


def test_changing_a_signatorys_city_counts_as_removing_it(office, world, project_of):
    serve(project_of(world.clermont, "Electric buses"), world.transport)
    declaration = world.declaration
    rows = signatory_rows(declaration)
    for row in rows:
        if row["city"] == world.clermont.pk:
            row["city"] = world.lyon.pk

    response = office.post(
        f"/admin/pages/{declaration.pk}/edit/", declaration_form(declaration, commitment_rows(declaration), rows)
    )

    assert response.status_code == 200
    assert "Clermont cannot be removed from the signatories" in response.content.decode()
    assert declaration.signatories.filter(city=world.clermont).exists()


def test_the_editor_offers_only_published_declarations(office, world, project_of):
    draft = DeclarationPageFactory(parent=world.index, title="Draft declaration", commitments=["Clean air"], live=False)
    project = project_of(world.clermont, "Electric buses")

    html = office.get(f"/admin/pages/{project.pk}/edit/").content.decode()

    assert "Querétaro Declaration" in html
    assert draft.title not in html
