"""``update_index``: the network index rebuilt with a progress bar and a summary."""

from io import StringIO

import pytest
from django.core.management import call_command

from search.documents import vacuum
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_rebuild_shows_progress_and_ends_with_a_summary(searchable):
    out, err = StringIO(), StringIO()
    SearchEntry.objects.all().delete()
    call_command("update_index", "--network-only", stdout=out, stderr=err)
    items = SearchEntry.objects.values("translation_key").distinct().count()
    pages = SearchEntry.objects.count()
    assert items and pages >= items
    assert f"Network search index: {items} items, {pages} pages in " in out.getvalue()
    assert f"{pages}/{pages}" in err.getvalue()  # the progress bar's last count


def test_inside_a_transaction_nothing_is_vacuumed(searchable):
    assert vacuum() is False  # SQLite never needs it; PostgreSQL cannot inside a transaction
