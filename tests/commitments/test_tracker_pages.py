"""The commitment tracker as the public meets it: the declaration's page, the index, city and project pages."""

import datetime
import re

import pytest

from commitments.tracker import declaration_progress

from .factories import serve

pytestmark = pytest.mark.django_db


def numbers_in(html, css_class):
    return [int(n) for n in re.findall(rf'<td class="{css_class}">(?:<strong>)?(\d+)', html)]


def test_totals_per_commitment_equal_the_projects_linked_to_it(world, project_of):
    serve(project_of(world.clermont, "Electric buses"), world.transport, world.energy)
    serve(project_of(world.queretaro, "Solar schools"), world.energy)
    serve(project_of(world.queretaro, "Bus fleet renewal"), world.transport)
    project_of(world.queretaro, "Unlinked project")

    progress = declaration_progress(world.declaration)

    assert [row.total for row in progress.commitments] == [2, 2, 0]
    assert [[p.title for p in row.projects] for row in progress.commitments] == [
        ["Bus fleet renewal", "Electric buses"],
        ["Electric buses", "Solar schools"],
        [],
    ]
    assert progress.total == 3  # a project serving two commitments counts once in all
    by_city = {row.city.title: (row.total, [len(cell) for cell in row.cells]) for row in progress.signatories}
    assert by_city == {"Clermont": (1, [1, 1, 0]), "Queretaro": (2, [1, 1, 0])}
    assert progress.column_totals == [2, 2, 0]


def test_only_live_public_projects_count(world, project_of):
    draft = serve(project_of(world.clermont, "Draft project"), world.transport)
    draft.unpublish()
    serve(project_of(world.queretaro, "Live project"), world.transport)

    progress = declaration_progress(world.declaration)

    assert [p.title for p in progress.commitments[0].projects] == ["Live project"]
    assert progress.total == 1


def test_the_declaration_page_shows_each_commitment_and_signatory_with_totals(client, world, project_of):
    serve(project_of(world.clermont, "Electric buses", status="completed", end_date=datetime.date(2024, 6, 30)),
          world.transport, world.energy)  # fmt: skip
    serve(project_of(world.queretaro, "Solar schools"), world.energy)

    response = client.get(world.declaration.url)

    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Zero-emission public transport", "Local renewable energy", "Sustainable food"):
        assert text in html
    assert "No project serves this commitment yet." in html  # sustainable food
    commitments = html[html.index('id="commitments-heading"') : html.index('id="signatories-heading"')]
    assert commitments.count("Electric buses") == 2 and commitments.count("Solar schools") == 1
    assert "Completed" in commitments and "Ongoing" in commitments
    table = html[html.index("<table") : html.index("</table>")]
    assert table.index("Clermont") < table.index("Queretaro")  # by name
    assert "Lyon" not in html  # not a signatory
    # rows Clermont [1, 1, 0 | 1], Queretaro [0, 1, 0 | 1], all signatories [1, 2, 0 | 2]
    assert numbers_in(table, "num") == [1, 1, 0, 1, 0, 1, 0, 1, 1, 2, 0, 2]


def test_the_index_lists_declarations_with_their_totals(client, world, project_of):
    serve(project_of(world.clermont, "Electric buses"), world.transport, world.energy)

    html = client.get(world.index.url).content.decode()

    assert "Querétaro Declaration" in html
    assert "2 signatory cities" in html and "3 commitments" in html and "1 project serving it" in html


def test_a_signatory_city_page_shows_its_commitments_and_projects(client, world, project_of):
    serve(project_of(world.clermont, "Electric buses"), world.transport)

    html = client.get(world.clermont.url).content.decode()

    section = html[html.index('id="city-commitments-heading"') :]
    assert "Commitments of Clermont" in section and "Querétaro Declaration" in section
    assert "Zero-emission public transport" in section and "Electric buses" in section
    assert section.count("no project of the city serves it yet.") == 2


def test_a_city_that_signed_nothing_shows_no_commitments(client, world):
    assert "city-commitments-heading" not in client.get(world.lyon.url).content.decode()


def test_a_project_page_names_the_commitments_it_serves(client, world, project_of):
    project = serve(project_of(world.queretaro, "Solar schools"), world.energy, world.transport)

    html = client.get(project.url).content.decode()

    section = html[html.index('id="project-commitments-heading"') :]
    assert "Querétaro Declaration" in section
    assert section.index("1.") < section.index("Zero-emission") < section.index("2.") < section.index("Local renew")
    assert f'{world.declaration.url}#commitment-2"' in section


def test_the_city_page_reads_commitments_in_a_fixed_number_of_queries(
    client, world, project_of, django_assert_max_num_queries, uncached
):
    serve(project_of(world.clermont, "First project"), world.transport)
    client.get(world.clermont.url)  # warm Wagtail's site caches
    with django_assert_max_num_queries(45) as few:
        client.get(world.clermont.url)
    for number in range(4):
        serve(project_of(world.clermont, f"Project {number}"), world.transport, world.energy)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(world.clermont.url)


def test_the_declaration_page_reads_in_a_fixed_number_of_queries(
    client, world, project_of, django_assert_max_num_queries, uncached
):
    serve(project_of(world.clermont, "First project"), world.energy)
    client.get(world.declaration.url)
    with django_assert_max_num_queries(30) as few:
        client.get(world.declaration.url)
    for number in range(6):
        serve(project_of(world.queretaro, f"Project {number}"), world.transport, world.food)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(world.declaration.url)


def test_a_project_page_does_not_name_a_draft_declaration(client, world, project_of):
    project = serve(project_of(world.clermont, "Electric buses"), world.transport)
    world.declaration.unpublish()

    html = client.get(project.url).content.decode()

    assert "project-commitments-heading" not in html and "Querétaro Declaration" not in html


def test_a_commitment_listed_twice_by_a_project_counts_once(world, project_of):
    from commitments.models import ProjectCommitment

    project = serve(project_of(world.clermont, "Electric buses"), world.transport)
    ProjectCommitment.objects.create(page=project, commitment=world.transport.translation_key, sort_order=5)

    assert declaration_progress(world.declaration).commitments[0].total == 1
