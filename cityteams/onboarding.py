"""Onboarding a city in one action: its page in every locale, its groups, collection, workflow and rights.

``add_city``, the admin's "Add a city" form, the page editor (a city page added by hand) and ``seed_network``
all go through ``onboard_city`` or ``establish_city_team``.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from citypages.models import CityIndexPage, CityPage
from citypages.models.city import city_collection
from citypages.synctree import alias_into_every_locale

from .models import CityTeam
from .rights import apply_team_rights


class OnboardingError(Exception):
    """The city cannot be added as given; ``problems`` says why, one sentence each. Nothing was changed."""

    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


@transaction.atomic
def onboard_city(city, locale):
    """Add the unsaved ``city`` to the network in ``locale``'s tree, publish it, alias it into every other locale
    and give it its team. Raises ``OnboardingError`` (and changes nothing) when the input is not acceptable."""
    index = CityIndexPage.objects.filter(locale=locale).first()
    if index is None:
        raise OnboardingError([_("There is no city index in %(language)s.") % {"language": locale.get_display_name()}])
    problems = []
    if city.slug and CityPage.objects.filter(slug=city.slug).exists():
        problems.append(_("A city with the slug “%(slug)s” already exists.") % {"slug": city.slug})
    name = city.english_name or city.title
    if name and _team_groups_taken(name):
        problems.append(_("A city named “%(name)s” already has a team.") % {"name": name})
    city.locale = locale
    try:
        city.full_clean(exclude=["path", "depth", "numchild", "url_path", "draft_title", "translation_key"])
    except ValidationError as error:
        problems.extend(_describe(error))
    if problems:
        raise OnboardingError(problems)
    index.add_child(instance=city)
    city.save_revision().publish()
    alias_into_every_locale(city)
    return establish_city_team(city)


def _team_groups_taken(name):
    return CityTeam.objects.filter(name=name).exists()


def _describe(error):
    if hasattr(error, "error_dict"):
        fields = {field.name: field for field in CityPage._meta.get_fields() if hasattr(field, "verbose_name")}
        return [
            f"{fields[name].verbose_name if name in fields else name}: {message}"
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return list(error.messages)


def communicators_name(city_name):
    return f"{city_name} - communicators"


def moderators_name(city_name):
    return f"{city_name} - moderators"


@transaction.atomic
def establish_city_team(city):
    """Create (or complete) the team of ``city`` (any copy) and make its rights exact. Safe to run again."""
    city = city.specific
    team = CityTeam.objects.filter(city_key=city.translation_key).first()
    if team is None:
        source = CityPage.objects.filter(translation_key=city.translation_key, alias_of__isnull=True).order_by("pk")
        source = source.first() or city
        name = source.english_name or source.title
        communicators, _created = Group.objects.get_or_create(name=communicators_name(name))
        moderators, _created = Group.objects.get_or_create(name=moderators_name(name))
        task = GroupApprovalTask.objects.create(name=_approval_task_name(name))
        task.groups.set([moderators])
        workflow = Workflow.objects.create(name=_workflow_name(name))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        team = CityTeam.objects.create(
            city_key=city.translation_key,
            name=name,
            communicators=communicators,
            moderators=moderators,
            collection=source.collection or city_collection(name),
            workflow=workflow,
        )
    apply_team_rights(team)
    return team


def _approval_task_name(name):
    return f"{name} - moderators approval"


def _workflow_name(name):
    # Wagtail's button reads "Submit to <workflow>" in the editor's language ("Soumettre à Clermont-Ferrand"): a
    # name in one language ("… moderation") would put English inside every other admin.
    return name
