"""The owners' "Projects to review" dashboard panel: projects past their end date and projects nobody has updated
for six months, of their own city only."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from citypages.models import CooperationProjectPage
from citypages.synctree import alias_into_every_locale
from cityteams.review import projects_to_review
from tests.citypages.factories import CooperationProjectPageFactory
from tests.cityteams.factories import onboarded_city

pytestmark = pytest.mark.django_db
LONG_AGO = timezone.now() - datetime.timedelta(days=200)


@pytest.fixture
def clermont(network_tree):
    return onboarded_city(network_tree.locales["fr"], title="Clermont-Ferrand", slug="clermont")


def backdate(project, when=LONG_AGO):
    """As if the project's last revision had been saved at ``when``."""
    CooperationProjectPage.objects.filter(pk=project.pk).update(latest_revision_created_at=when)


def communicator_of(client, team):
    user = get_user_model().objects.create_user("comm", "comm@citynet.example", "pw")
    user.groups.add(team.communicators)
    client.force_login(user)
    return client


def test_the_panel_lists_the_citys_overdue_and_stale_projects(client, network_tree, clermont):
    city, team = clermont
    overdue = CooperationProjectPageFactory(parent=city, title="Vélo-école", end_date=datetime.date(2024, 6, 30))
    stale = CooperationProjectPageFactory(parent=city, title="Résidences d’artistes")
    fresh = CooperationProjectPageFactory(parent=city, title="Jardins partagés")
    for project in (overdue, stale, fresh):
        project.save_revision().publish()
        alias_into_every_locale(project)
    backdate(stale)
    anshan, _anshan_team = onboarded_city(network_tree.locales["zh-hans"], title="鞍山", slug="anshan")
    backdate(CooperationProjectPageFactory(parent=anshan, title="鞍山项目"))

    html = communicator_of(client, team).get("/admin/").content.decode()

    panel = html[html.index('id="projects-to-review-') :]
    assert "Projects to review: Clermont-Ferrand" in panel
    past_end = panel[panel.index("review-to-confirm") : panel.index("Not updated for six months")]
    assert "Vélo-école" in past_end and "Jardins partagés" not in past_end
    not_updated = panel[panel.index("review-stale") :]
    assert "Résidences d’artistes" in not_updated and "Jardins partagés" not in not_updated
    assert f"/admin/pages/{stale.pk}/edit/" in not_updated  # the original, not one of its aliases
    assert "鞍山项目" not in panel


def test_updating_a_project_takes_it_off_the_list(clermont):
    city, team = clermont
    project = CooperationProjectPageFactory(parent=city, title="Résidences d’artistes")
    backdate(project)
    assert [p.pk for p in projects_to_review(team)[1]] == [project.pk]

    project.refresh_from_db()
    project.save_revision()  # a draft counts: someone is working on it

    assert projects_to_review(team)[1] == []


def test_a_city_with_nothing_to_review_says_so(client, clermont):
    city, team = clermont
    CooperationProjectPageFactory(parent=city).save_revision().publish()

    html = communicator_of(client, team).get("/admin/").content.decode()

    assert "No project is past its end date." in html
    assert "Every project has been updated in the last six months." in html


def test_people_outside_city_teams_get_no_review_panel(office, clermont):
    assert "Projects to review" not in office.get("/admin/").content.decode()


def test_a_completed_project_is_done_not_stale_and_untouched_ones_come_first(clermont):
    city, team = clermont
    done = CooperationProjectPageFactory(
        parent=city, status="completed", start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2021, 1, 1)
    )
    older = CooperationProjectPageFactory(parent=city, title="Older")
    newer = CooperationProjectPageFactory(parent=city, title="Newer")
    for project, days in ((done, 900), (older, 400), (newer, 200)):
        backdate(project, timezone.now() - datetime.timedelta(days=days))

    assert [p.title for p in projects_to_review(team)[1]] == ["Older", "Newer"]


def test_the_panel_judges_the_dates_on_the_day_it_is_asked_for(clermont):
    city, team = clermont
    CooperationProjectPageFactory(parent=city, title="Ends soon", end_date=datetime.date(2030, 6, 30))
    later = timezone.make_aware(datetime.datetime(2030, 7, 1))

    assert projects_to_review(team)[0] == []
    assert [p.title for p in projects_to_review(team, now=later)[0]] == ["Ends soon"]
