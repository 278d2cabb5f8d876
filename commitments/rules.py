"""The rule that ties projects to declarations: a project serves only commitments its city signed.

The declaration's model module imports the admin form that applies these rules, so this module reads the app's own
models when a rule runs, not when it is imported.
"""

from django.utils.translation import gettext as _

from citypages.models import CooperationProjectPage
from citypages.models.mixins import in_city_section


def signed_declaration_keys(city_key):
    """Translation keys of the declarations a city signed (signatories point at any copy of the city page)."""
    from .models import DeclarationSignatory  # noqa: PLC0415  (the models import the form that applies these rules)

    return set(
        DeclarationSignatory.objects.filter(city__translation_key=city_key).values_list(
            "page__translation_key", flat=True
        )
    )


def commitment_problems(city, commitment_keys):
    """{commitment key: message} for each commitment ``city`` may not serve: one of a declaration the city did not
    sign. ``city`` is any copy of the project's city page; unknown keys are the form field's to refuse."""
    from .models import Commitment  # noqa: PLC0415  (the models import the form that applies these rules)

    keys = {str(key) for key in commitment_keys}
    if not keys:
        return {}
    declarations = {}
    for key, declaration_key, title in Commitment.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "page__translation_key", "page__title"
    ):
        declarations.setdefault(str(key), (declaration_key, title))
    signed = signed_declaration_keys(city.translation_key)
    problems = {}
    for key in keys:
        if key in declarations and declarations[key][0] not in signed:
            problems[key] = _(
                "%(city)s did not sign “%(declaration)s”. A project can only serve the commitments of a declaration "
                "its city signed; the network office keeps the list of signatories."
            ) % {"city": city.title, "declaration": declarations[key][1]}
    return problems


def projects_serving(commitment_keys):
    """{commitment key: {project translation key: title}} for the projects serving each commitment (any copy)."""
    from .models import ProjectCommitment  # noqa: PLC0415  (the models import the form that applies these rules)

    keys = {str(key) for key in commitment_keys}
    rows = set(ProjectCommitment.objects.filter(commitment__in=keys).values_list("commitment", "page__translation_key"))
    titles = {}
    originals_first = CooperationProjectPage.objects.filter(translation_key__in={project for _key, project in rows})
    for project_key, title in originals_first.order_by("pk").values_list("translation_key", "title"):
        titles.setdefault(project_key, title)  # the first copy created is the original
    serving = {}
    for key, project_key in rows:
        serving.setdefault(str(key), {})[project_key] = titles[project_key]
    return serving


def projects_of_city(city, project_keys):
    """Of ``project_keys``, those led by ``city`` (any copy of its page)."""
    led = CooperationProjectPage.objects.filter(in_city_section(city.translation_key), translation_key__in=project_keys)
    return set(led.values_list("translation_key", flat=True))
