"""Admin sign-in throttling with django-axes: what the settings (AXES_* in settings/base.py) cannot say.

After AXES_FAILURE_LIMIT wrong passwords for one account (from any address), or from one address (for any
accounts), signing in is refused for AXES_COOLOFF_TIME, the right password included, with a 429 page in the
admin's style. The counts live in the database, so every worker sees the same.
"""

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.shortcuts import render


class LoginThrottlingBackend(AxesStandaloneBackend):
    """Axes' backend, except for ``authenticate()`` without a request.

    Axes raises for such a call, and Django's test client (``Client.login()``) and shell scripts make it. No
    visitor is signing in then, and there is no address to count by, so the next backend decides alone. Every
    sign-in over HTTP (Wagtail's and Django's login views, their forms) passes the request and is throttled.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class AccountResettingDatabaseHandler(AxesDatabaseHandler):
    """Axes' database handler, except that a successful sign-in clears only the failures of the account signed in to.

    Axes clears every failure that matches any lockout parameter, here the address too: someone with an account
    of their own could then guess another account's password from the same address, signing in to their own
    account after every few guesses to wipe the count. Knowing one account's password says nothing about the others.
    """

    def reset_user_attempts(self, request, credentials=None):
        username = get_client_username(request, credentials)
        count, _deleted = AccessAttempt.objects.filter(username=username).delete()
        return count


def locked_out(request, original_response=None, credentials=None):
    """The 429 answer to a sign-in attempt while locked out: the admin's sign-in page, with why and for how long."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds())
    response = render(
        request,
        "admin_login_locked_out.html",
        {"minutes": max(1, seconds // 60)},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(seconds)
    return response
