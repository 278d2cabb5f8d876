"""Admin forms for the rules that span a page and its inline child objects.

A page model's ``clean`` runs before the admin applies the inline formsets to the page, so it sees the children
as they were saved, not as edited; rules between the page and its children are checked here, on the formsets.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


def kept_forms(formset):
    """The formset's valid forms that stay: filled in and not marked for deletion."""
    if formset is None or not formset.is_valid():
        return []
    return [
        form
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE") and (form.instance.pk or form.has_changed())
    ]


class CooperationProjectPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        seeking = self.instance.Status.SEEKING_PARTNERS
        if cleaned_data.get("status") == seeking and not kept_forms(self.formsets.get("needs")):
            self.add_error("status", _("A project seeking partners says what it seeks: add a need below."))
        self._check_served_commitments()
        based_on = cleaned_data.get("based_on")
        if based_on and self.parent_page and lead_city_key(based_on) == self.parent_page.translation_key:
            self.add_error("based_on", _("Choose a project led by another city: this is for projects a city reuses."))
        return cleaned_data

    def _check_served_commitments(self):
        """A project serves only commitments of declarations its city (the page's parent) signed, each once."""
        from commitments.rules import commitment_problems

        rows = [
            (form, str(form.cleaned_data["commitment"]))
            for form in kept_forms(self.formsets.get("served_commitments"))
            if form.cleaned_data.get("commitment")
        ]
        city = self.parent_page
        problems = commitment_problems(city, {key for _form, key in rows}) if city and rows else {}
        seen = set()
        for form, key in rows:
            if key in problems:
                form.add_error("commitment", problems[key])
            elif key in seen:
                form.add_error("commitment", _("This commitment is already listed."))
            seen.add(key)


class CityPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        city_key = self.instance.translation_key
        for form in kept_forms(self.formsets.get("offers")):
            project = form.cleaned_data.get("project")
            if project is not None and self.instance.pk and lead_city_key(project) != city_key:
                form.add_error("project", _("Choose one of this city's own projects."))
        return cleaned_data


def lead_city_key(project):
    """The translation key of the city a project sits under (page links in translations point at the source)."""
    from citypages.models.city import CityPage

    return CityPage.objects.ancestor_of(project).values_list("translation_key", flat=True).first()
