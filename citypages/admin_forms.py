"""Admin forms for the rules that span a page and its inline child objects.

A page model's ``clean`` runs before the admin applies the inline formsets to the page, so it sees the children
as they were saved, not as edited; rules between the page and its children are checked here, on the formsets.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

# The Wagtail hook other apps register a project-form check under (commitments checks the commitments a project
# serves): ``check(form)`` adds its errors to the form. The project's content stays below the rules other apps keep
# about it, so this app imports none of them.
PROJECT_FORM_CHECKS_HOOK = "check_cooperation_project_form"


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
        based_on = cleaned_data.get("based_on")
        if based_on and self.parent_page and lead_city_key(based_on) == self.parent_page.translation_key:
            self.add_error("based_on", _("Choose a project led by another city: this is for projects a city reuses."))
        for check in hooks.get_hooks(PROJECT_FORM_CHECKS_HOOK):
            check(self)
        return cleaned_data


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
    return Page.objects.filter(path=project.city_section_path).values_list("translation_key", flat=True).first()
