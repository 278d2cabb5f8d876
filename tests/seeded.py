"""The seeded demo network in the test suite: loaded once per run, on one worker, and seen by no other test.

Seeding the 42-city network takes minutes, so every test that needs it (``seeded_network``) runs in one work unit:

- ``mark_work_unit``: under ``pytest -n 2 --dist loadgroup`` (``make test``) those tests form the xdist group
  ``seeded-network`` and every other module a group of its own, so a module-scoped world is built once;
- ``SeededNetworkFirst``: that unit, the longest, is handed out first, so its worker starts seeding at once while
  the other worker runs everything else;
- ``order_and_check``: within a worker they run first, together, and ``SeededNetwork.close`` rolls the network
  back after the last of them, so tests that follow on the same worker never see it.
"""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from xdist.scheduler import LoadGroupScheduling

SEEDED_GROUP = "seeded-network"


def uses_seeded_network(item):
    return item is not None and "seeded_network" in getattr(item, "fixturenames", ())


def mark_work_unit(item):
    """Set when the item is collected: xdist reads the groups in its own ``pytest_collection_modifyitems``."""
    seeded = uses_seeded_network(item)
    item.add_marker(pytest.mark.xdist_group(SEEDED_GROUP if seeded else item.nodeid.split("::", 1)[0]))
    if seeded:
        item.add_marker(pytest.mark.seeded)  # so that ``-m "not seeded"`` (make test-quick) leaves them out


def order_and_check(config, items):
    items.sort(key=lambda item: not uses_seeded_network(item))
    if getattr(config.option, "loadgroup", False) and items and "@" not in items[0].nodeid:
        # pytest 9.2 stopped honouring xdist's way of naming groups (pytest-dev/pytest-xdist#1386): tests would be
        # spread over the workers one by one and the network seeded on each, silently doubling the run.
        raise pytest.UsageError(
            "pytest-xdist did not group the tests (--dist loadgroup): see requirements.txt's pytest pin."
        )


class SeededNetworkFirst(LoadGroupScheduling):
    """xdist's loadgroup scheduling, except that the seeded network's unit is handed out before the others (xdist
    hands out the units with the most tests first, and two permission matrices have more, but take a tenth of
    its time)."""

    def _assign_work_unit(self, node):
        if SEEDED_GROUP in self.workqueue:
            self.workqueue.move_to_end(SEEDED_GROUP, last=False)
        super()._assign_work_unit(node)


def seed_demo_network():
    """``seed_network`` with a known demo password; returns what it printed."""
    output = StringIO()
    previous = os.environ.get("DEMO_PASSWORD")
    os.environ["DEMO_PASSWORD"] = "seeded-test-password"  # noqa: S105
    try:
        call_command("seed_network", "--no-progress", stdout=output)
    finally:
        os.environ.pop("DEMO_PASSWORD")
        if previous is not None:
            os.environ["DEMO_PASSWORD"] = previous
    return output.getvalue()


class SeededNetwork:
    """The full demo network, loaded inside a transaction that is rolled back after the last test that uses it.

    A session-scoped fixture lives until the end of the session, and every test after the seeded ones would run
    inside its transaction and see the network; pytest has no scope "until the last test that asks for it", so
    the conftest's ``pytest_runtest_teardown`` closes it then."""

    def __init__(self):
        self._world = None
        self.output = None

    def open(self, django_db_blocker, rolled_back):
        if self._world is None:
            self._world = rolled_back(django_db_blocker, seed_demo_network)
            self.output = self._world.__enter__()
        return self.output

    def close(self):
        if self._world is not None:
            world, self._world = self._world, None
            world.__exit__(None, None, None)


SEEDED_NETWORK = SeededNetwork()
