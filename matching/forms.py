"""The "Find partners" form: one subject (a city, a project seeking partners or a theme) and optional filters."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from citypages.continents import Continent

from .ranking import sort_key, suggest_cities, suggest_projects

SUBJECTS = ("city", "project", "theme")


def _choices(pairs, everything):
    return [("", everything), *sorted(pairs, key=lambda pair: sort_key(str(pair[1])))]


class PartnerSearchForm(forms.Form):
    city = forms.ChoiceField(label=_("For a city"), required=False)
    project = forms.ChoiceField(label=_("For a project seeking partners"), required=False)
    theme = forms.ChoiceField(label=_("For a theme"), required=False)
    continent = forms.ChoiceField(label=_("Continent"), required=False)
    language = forms.ChoiceField(label=_("Working language"), required=False)
    on_theme = forms.ChoiceField(label=_("Working on"), required=False)

    def __init__(self, data=None, *, facts, **kwargs):
        kwargs.setdefault("auto_id", "partners-%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        self.facts = facts
        self.city_slugs = {page.slug: key for key, page in facts.city_pages.items()}
        self.project_refs = {
            f"{facts.city_pages[project.lead].slug}/{facts.project_pages[project.key].slug}": project
            for project in facts.projects
            if project.seeking
        }
        self.theme_slugs = {theme.slug: key for key, theme in facts.themes.items()}
        theme_names = [(theme.slug, theme.name) for theme in facts.themes.values()]
        self.fields["city"].choices = _choices(
            [(slug, facts.city_pages[key].title) for slug, key in self.city_slugs.items()], _("Choose a city")
        )
        self.fields["project"].choices = _choices(
            [(ref, project.name) for ref, project in self.project_refs.items()], _("Choose a project")
        )
        self.fields["theme"].choices = _choices(theme_names, _("Choose a theme"))
        self.fields["continent"].choices = [("", _("All continents")), *Continent.choices]
        self.fields["language"].choices = [("", _("All languages")), *settings.LANGUAGES]
        self.fields["on_theme"].choices = _choices(theme_names, _("All themes"))

    def clean(self):
        cleaned_data = super().clean()
        chosen = [name for name in SUBJECTS if cleaned_data.get(name)]
        if len(chosen) > 1:
            raise ValidationError(_("Choose one: a city, a project or a theme."), code="several_subjects")
        return cleaned_data

    @property
    def subject(self):
        """(kind, value) of the chosen subject, or None."""
        if not self.is_bound or not self.is_valid():
            return None
        return next(((name, self.cleaned_data[name]) for name in SUBJECTS if self.cleaned_data.get(name)), None)

    def suggestions(self):
        """(city suggestions, project suggestions) for the subject, filtered; None without a subject."""
        if self.subject is None:
            return None
        kind, value = self.subject
        facts = self.facts
        if kind == "city":
            key = self.city_slugs[value]
            cities = suggest_cities(facts.cities, city=key)
            projects = suggest_projects(facts.projects, facts.cities, city=key)
        elif kind == "project":
            cities, projects = suggest_cities(facts.cities, project=self.project_refs[value]), []
        else:
            key = self.theme_slugs[value]
            cities = suggest_cities(facts.cities, theme=key)
            projects = suggest_projects(facts.projects, facts.cities, theme=key)
        keep_city = self._city_filter()
        cities = [s for s in cities if keep_city(s.subject, s.subject.themes)]
        projects = [s for s in projects if keep_city(facts.cities[s.subject.lead], s.subject.themes)]
        return cities, projects

    def _city_filter(self):
        continent = self.cleaned_data.get("continent")
        language = self.cleaned_data.get("language")
        on_theme = self.theme_slugs.get(self.cleaned_data.get("on_theme"))

        def keep(city, themes):
            return (
                (not continent or city.continent == continent)
                and (not language or language in city.languages)
                and (not on_theme or on_theme in themes)
            )

        return keep
