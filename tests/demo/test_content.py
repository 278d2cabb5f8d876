"""The demo data files are checked before anything is written, with messages that say what is wrong."""

import json
import shutil

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from demo import content
from demo.content import DemoDataError, load_network_data


def test_the_shipped_data_is_consistent():
    data = load_network_data()
    assert len(data.cities) == 42
    assert len(data.projects) >= 60 and len(data.news) >= 150


@pytest.fixture
def broken_data(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(content.DATA_DIR, copy)
    group = json.loads((copy / "asia.json").read_text(encoding="utf-8"))
    group["projects"][0]["themes"] = ["no-such-theme"]
    group["projects"][0]["status"] = "abandoned"
    group["news"][0]["date"] = "2030-01-01"
    del group["projects"][1]["text"]["en"]
    group["organisations"][1]["name"] = group["organisations"][0]["name"]
    (copy / "asia.json").write_text(json.dumps(group, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(content, "DATA_DIR", copy)
    return group


def test_inconsistent_data_lists_every_problem(broken_data):
    with pytest.raises(DemoDataError) as error:
        load_network_data()
    problems = "\n".join(error.value.problems)
    assert "unknown theme 'no-such-theme'" in problems
    assert "bad status 'abandoned'" in problems
    assert "date out of range" in problems
    assert f"organisation name {broken_data['organisations'][0]['name']!r} is used more than once" in problems
    assert f"project {broken_data['projects'][1]['key']}: no text in 'en'" in problems


@pytest.mark.django_db
def test_seed_network_refuses_inconsistent_data_and_writes_nothing(broken_data):
    pages_before = Page.objects.count()
    with pytest.raises(CommandError, match="demo data is inconsistent"):
        call_command("seed_network", "--no-progress")
    assert Page.objects.count() == pages_before


def test_invalid_json_is_reported_with_the_file_name(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(content.DATA_DIR, copy)
    (copy / "themes.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(content, "DATA_DIR", copy)
    with pytest.raises(DemoDataError, match="themes.json: invalid JSON"):
        load_network_data()
