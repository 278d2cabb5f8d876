"""The browse pages' filters and page numbers, read from the query string of a GET form.

Options come with their counts from ``home.browse``'s kept summaries; a value outside its domain (a mistyped or
forged address) is a form error that the page answers with a 400, every item listed.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from citypages.forms import FilterField

EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


def _year(value):
    if not value:
        return None
    if not value.isdigit() or not EARLIEST_YEAR <= int(value) <= LATEST_YEAR:
        raise ValidationError(_("Enter a year between %(first)s and %(last)s."), code="invalid_year",
                              params={"first": EARLIEST_YEAR, "last": LATEST_YEAR})  # fmt: skip
    return int(value)


class YearField(forms.TypedChoiceField):
    """A year any listing could hold, offered with the years that hold something."""

    def __init__(self, **kwargs):
        super().__init__(required=False, coerce=int, empty_value=None, **kwargs)

    def to_python(self, value):
        return _year(str(value or "").strip())

    def validate(self, value):
        pass  # a year with nothing in it is an empty list, not an error

    def bound_data(self, data, initial):
        return data


class PageNumberField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput, **kwargs)


class ListingForm(forms.Form):
    """Bound to ``request.GET``; ``options`` gives each filter's [(value, label, count)] in display order, and
    ``domains`` the values each filter accepts (a city with nothing listed yet finds nothing, not an error)."""

    page = PageNumberField(label=_("Page"))

    def __init__(self, data=None, *, options=None, domains=None, **kwargs):
        kwargs.setdefault("auto_id", "listing-filter-%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        for name, choices in (options or {}).items():
            field = self.fields[name]
            field.choices = [
                ("", field.everything),
                *((value, f"{label} ({count})") for value, label, count in choices),
            ]
        for name, values in (domains or {}).items():
            self.fields[name].domain = lambda values=frozenset(values): values

    @property
    def filters(self):
        """{name: value} of the filters in force (the page number aside); none when the form is not valid."""
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value and name != "page"}

    @property
    def page_number(self):
        return (self.is_valid() and self.cleaned_data.get("page")) or 1


def _filter(label, everything):
    field = FilterField(label=label, domain=set, normalise=str.lower)
    field.everything = everything
    return field


def _year_filter(label, everything):
    field = YearField(label=label)
    field.everything = everything
    return field


class NewsFilterForm(ListingForm):
    city = _filter(_("City"), _("All cities"))
    theme = _filter(_("Theme"), _("All themes"))
    year = _year_filter(_("Year"), _("All years"))


class EventYearForm(ListingForm):
    year = _year_filter(_("Year"), _("Upcoming"))
