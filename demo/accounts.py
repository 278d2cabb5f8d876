"""Demo accounts: a network administrator, a communicator and a moderator for two cities, two translators.

Passwords come from DEMO_PASSWORD, or are generated once and printed; an existing account keeps its
password unless DEMO_PASSWORD is given.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from citypages.models import CityPage
from cityteams.onboarding import establish_city_team
from translations.permissions import ensure_translator_team

# Each gets a communicator (writes and submits) and a moderator (approves and publishes).
DEMO_CITIES = ("clermont-ferrand", "anshan")
# username: language code of the team they join
TRANSLATORS = {"german.translator": "de", "chinese.translator": "zh-hans"}


def create_demo_accounts():
    """Returns (accounts created or updated: list of (username, role), password or None if unchanged)."""
    User = get_user_model()
    wanted = os.environ.get("DEMO_PASSWORD") or None
    generated = None
    changed = []

    def ensure(username, role, **attributes):
        nonlocal generated
        user = User.objects.filter(username=username).first()
        if user is not None and (wanted is None or user.check_password(wanted)):
            return user
        if user is None:
            user = User(username=username, **attributes)
        if wanted is None and generated is None:
            generated = secrets.token_urlsafe(12)
        user.set_password(wanted or generated)
        user.save()
        changed.append((username, role))
        return user

    ensure("admin", "network administrator", is_superuser=True, is_staff=True, email="admin@citynet.example")
    for slug in DEMO_CITIES:
        city = CityPage.objects.filter(slug=slug, alias_of__isnull=True).order_by("pk").first()
        if city is None:
            continue
        team = establish_city_team(city)
        for role, group in (("communicator", team.communicators), ("moderator", team.moderators)):
            user = ensure(f"{slug}.{role}", f"{city.english_name} {role}", email=f"{slug}.{role}@citynet.example")
            user.groups.add(group)
    for username, code in TRANSLATORS.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        role = f"translator into {locale.get_display_name()}"
        user = ensure(username, role, email=f"{username}@citynet.example")
        user.groups.add(ensure_translator_team(locale))
    return changed, (wanted or generated) if changed else None
