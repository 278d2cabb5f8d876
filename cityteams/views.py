"""The network office's "Add a city" form: the admin face of ``onboard_city``."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from citypages.countries import country_choices
from citypages.models import CityPage

from .network import is_network_office
from .onboarding import OnboardingError, onboard_city


class AddCityForm(forms.Form):
    english_name = forms.CharField(label=_("English name"), max_length=120)
    local_name = forms.CharField(
        label=_("Local name"), max_length=120, required=False, help_text=_("The name in the city's language.")
    )
    slug = forms.SlugField(label=_("Slug"), required=False, help_text=_("Its URL; made from the name if empty."))
    country = forms.ChoiceField(label=_("Country"))
    language = forms.ModelChoiceField(
        label=_("Language"), queryset=Locale.objects.order_by("language_code"), to_field_name="language_code",
        help_text=_("The language the city writes in. Its page is aliased into every other language."),
    )  # fmt: skip
    latitude = forms.DecimalField(label=_("Latitude"), max_digits=8, decimal_places=5)
    longitude = forms.DecimalField(label=_("Longitude"), max_digits=8, decimal_places=5)
    role = forms.ChoiceField(label=_("Role in the network"), choices=CityPage.Role.choices)
    member_since = forms.IntegerField(label=_("Member since"), initial=datetime.date.today().year)
    intro = forms.CharField(
        label=_("Introduction"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences shown in listings, in the city's language."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "---------"), *country_choices()]

    def city_page(self):
        data = self.cleaned_data
        local_name = data["local_name"] or data["english_name"]
        return CityPage(
            title=local_name,
            slug=data["slug"] or slugify(data["english_name"]),
            local_name=local_name,
            english_name=data["english_name"],
            country=data["country"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            role=data["role"],
            member_since=data["member_since"],
            intro=data["intro"],
        )


class AddCityView(WagtailAdminTemplateMixin, FormView):
    form_class = AddCityForm
    template_name = "cityteams/add_city.html"
    page_title = _("Add a city")
    header_icon = "site"
    success_url = reverse_lazy("wagtailadmin_home")

    def dispatch(self, request, *args, **kwargs):
        if not is_network_office(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, action_url=reverse("add_city"), submit_button_label=_("Add the city"))

    def form_valid(self, form):
        city = form.city_page()
        try:
            team = onboard_city(city, form.cleaned_data["language"])
        except OnboardingError as error:
            for problem in error.problems:
                form.add_error(None, problem)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(city)s was added in every language, with the groups “%(communicators)s” and “%(moderators)s”.")
            % {"city": team.name, "communicators": team.communicators.name, "moderators": team.moderators.name},
        )
        return redirect("wagtailadmin_pages:edit", city.pk)
