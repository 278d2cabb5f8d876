"""Fixtures of the city-team tests: the permission matrices' network (``tests.cityteams.matrix_world``)."""

from tests.cityteams.matrix_world import world  # noqa: F401  (a module-scoped fixture, built once per module)
