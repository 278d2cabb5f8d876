"""A cooperation project's lifecycle as its dates tell it.

A city sets its project's status by hand, and a project marked "ongoing" stays so after its planned end unless
someone remembers to change it. Where the dates say more than the stored status, readers and owners see the
derived status instead, so nothing shows silently as ongoing once it should have ended:

- ongoing, with an end date in the past: "to be confirmed" (did it end, or was it extended?), until the city
  marks it completed or moves its end date.

Every other status is shown as the city set it. The search's status filter shows the derived status too: the index
is written when a page is published, and a date passing publishes nothing, so the nightly refresh
(``search.tasks.refresh_derived_statuses``) re-indexes the projects whose status the date changed. The pages API
keeps the stored status (what the city set). The project editor warns while a project awaits confirmation
(``citypages/panels.py``), and the owners' dashboard (``cityteams/review.py``) lists the projects to confirm and
those nobody has updated for ``STALE_AFTER``.
"""

import datetime

from django.db.models import Case, CharField, F, Value, When
from django.utils.translation import gettext_lazy as _

ONGOING = "ongoing"
TO_BE_CONFIRMED = "to_be_confirmed"
TO_BE_CONFIRMED_LABEL = _("To be confirmed")
STALE_AFTER = datetime.timedelta(days=183)  # six months


def derived_status(status, end_date, today):
    """The status to show, from the stored ``status`` and the project's ``end_date`` on ``today``."""
    if status == ONGOING and end_date is not None and end_date < today:
        return TO_BE_CONFIRMED
    return status


def status_label(status, choices):
    """The label of a derived status; ``choices`` are the model's stored status choices."""
    if status == TO_BE_CONFIRMED:
        return TO_BE_CONFIRMED_LABEL
    return dict(choices)[status]


def derived_status_expression(today):
    """``derived_status`` as an SQL expression over a project queryset, for counts by status in one query."""
    return Case(
        When(status=ONGOING, end_date__lt=today, then=Value(TO_BE_CONFIRMED)),
        default=F("status"),
        output_field=CharField(),
    )


def statuses_in_order(choices):
    """[(status, label)]: the model's stored statuses, then the derived one."""
    return [*choices, (TO_BE_CONFIRMED, TO_BE_CONFIRMED_LABEL)]
