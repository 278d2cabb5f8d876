"""A project's status as its dates tell it: an ongoing project past its end date is "to be confirmed"."""

import datetime
import re

import pytest

from citypages.lifecycle import TO_BE_CONFIRMED, derived_status
from tests.citypages.factories import CityPageFactory, CooperationProjectPageFactory

TODAY = datetime.date(2026, 11, 30)
YESTERDAY, TOMORROW = TODAY - datetime.timedelta(days=1), TODAY + datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("status", "end_date", "expected"),
    [
        ("ongoing", YESTERDAY, TO_BE_CONFIRMED),
        ("ongoing", TODAY, "ongoing"),  # it ends today: still ongoing
        ("ongoing", TOMORROW, "ongoing"),
        ("ongoing", None, "ongoing"),  # open-ended
        ("completed", YESTERDAY, "completed"),
        ("seeking_partners", YESTERDAY, "seeking_partners"),
        ("idea", None, "idea"),
    ],
)
def test_the_dates_correct_the_stored_status_only_where_they_contradict_it(status, end_date, expected):
    assert derived_status(status, end_date, TODAY) == expected


@pytest.mark.django_db
def test_the_public_sees_an_overdue_project_as_to_be_confirmed_not_ongoing(client, network_tree):
    city = CityPageFactory(parent=network_tree.city_index)
    overdue = CooperationProjectPageFactory(
        parent=city, title="Overdue project", start_date=datetime.date(2022, 1, 1), end_date=datetime.date(2023, 1, 1)
    )
    CooperationProjectPageFactory(parent=city, title="Current project", end_date=datetime.date(2099, 1, 1))

    html = client.get(overdue.url).content.decode()
    assert '<span class="badge badge--to_be_confirmed">To be confirmed</span>' in html

    listing = client.get(city.url).content.decode()
    cards = re.findall(r'<span class="badge badge--(\w+)">[^<]*</span>.*?<a href="[^"]*">([^<]*)</a>', listing, re.S)
    assert ("to_be_confirmed", "Overdue project") in cards and ("ongoing", "Current project") in cards


@pytest.mark.django_db
def test_the_sql_expression_agrees_with_the_rule(network_tree):
    from citypages.lifecycle import derived_status_expression
    from citypages.models import CooperationProjectPage

    city = CityPageFactory(parent=network_tree.city_index)
    cases = [("ongoing", YESTERDAY), ("ongoing", TODAY), ("ongoing", None), ("completed", YESTERDAY), ("idea", None)]
    for number, (status, end_date) in enumerate(cases):
        CooperationProjectPageFactory(parent=city, slug=f"p{number}", status=status, end_date=end_date)
    rows = CooperationProjectPage.objects.annotate(shown=derived_status_expression(TODAY)).order_by("slug")
    assert [row.shown for row in rows] == [derived_status(s, e, TODAY) for s, e in cases]


@pytest.mark.django_db
def test_the_home_page_counts_overdue_projects_as_to_be_confirmed(client, network_tree):
    city = CityPageFactory(parent=network_tree.city_index)
    CooperationProjectPageFactory(parent=city, end_date=datetime.date(2023, 1, 1))
    CooperationProjectPageFactory(parent=city, end_date=None)

    html = client.get(network_tree.home.url).content.decode()

    figures = html[html.index('class="status-figures"') :]
    assert "<li>Ongoing: 1</li>" in figures and "<li>To be confirmed: 1</li>" in figures
