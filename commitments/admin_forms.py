"""The admin forms' rules about commitments.

The declaration's form: what projects rely on is not removed from under them. A project serving a commitment names
it by key; removing the commitment, or the signatory whose projects serve it, would silently empty those links. The
office is told which projects to unlink first instead.

The project's form (``citypages``) asks this app, through a Wagtail hook (``wagtail_hooks.py``), to check the
commitments the project serves.
"""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from citypages.admin_forms import kept_forms
from cms.locale_text import join_list

from .rules import commitment_problems, projects_of_city, projects_serving


def removed_instances(formset):
    if formset is None or not formset.is_valid():
        return []
    return [form.instance for form in formset.deleted_forms if form.instance.pk]


def replaced_signatories(formset):
    """Signatory rows whose city is being changed, as stored: changing the city removes the stored one."""
    if formset is None or not formset.is_valid():
        return []
    changed = [form.instance.pk for form in formset.forms if form.instance.pk and "city" in form.changed_data]
    return list(formset.model.objects.filter(pk__in=changed).select_related("city"))


class DeclarationPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        self._refuse_duplicate_signatories()
        commitment_keys = [str(commitment.translation_key) for commitment in self.instance.commitments.all()]
        serving = projects_serving(commitment_keys) if self.instance.pk else {}
        for commitment in removed_instances(self.formsets.get("commitments")):
            titles = serving.get(str(commitment.translation_key))
            if titles:
                self.add_error(
                    None,
                    _("“{commitment}” cannot be removed: {projects} serve it. Unlink them first.").format(
                        commitment=commitment.title, projects=join_list(sorted(titles.values()))
                    ),
                )
        every_project = {key: title for titles in serving.values() for key, title in titles.items()}
        signatories = self.formsets.get("signatories")
        for signatory in [*removed_instances(signatories), *replaced_signatories(signatories)]:
            own = projects_of_city(signatory.city, every_project)
            if own:
                self.add_error(
                    None,
                    _(
                        "{city} cannot be removed from the signatories: its projects {projects} serve this "
                        "declaration. Unlink them first."
                    ).format(city=signatory.city.title, projects=join_list(sorted(every_project[key] for key in own))),
                )
        return cleaned_data

    def _refuse_duplicate_signatories(self):
        seen = set()
        for form in kept_forms(self.formsets.get("signatories")):
            city = form.cleaned_data.get("city")
            if city is None:
                continue
            if city.translation_key in seen:
                form.add_error("city", _("This city is already a signatory."))
            seen.add(city.translation_key)


def check_served_commitments(form):
    """A project serves only commitments of declarations its city (the page's parent) signed, each once."""
    rows = [
        (row, str(row.cleaned_data["commitment"]))
        for row in kept_forms(form.formsets.get("served_commitments"))
        if row.cleaned_data.get("commitment")
    ]
    city = form.parent_page
    problems = commitment_problems(city, {key for _row, key in rows}) if city and rows else {}
    seen = set()
    for row, key in rows:
        if key in problems:
            row.add_error("commitment", problems[key])
        elif key in seen:
            row.add_error("commitment", _("This commitment is already listed."))
        seen.add(key)
