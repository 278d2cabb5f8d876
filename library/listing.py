"""The public documents library: every public document of the network and its cities, by collection, kind,
language and year, searchable, paged; a route of each language's home page (``/<lang>/documents/``).

The options and their counts are kept for the content generation (a document saved or deleted changes it).
"""

from django import forms
from django.db import models
from django.db.models.functions import ExtractYear
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from citypages.forms import FilterField
from cms.locale_text import language_name
from cms.paging import page_links, page_of
from pagecache.fragments import for_generation

LIBRARY_PAGE_SIZE = 20
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


def public_documents():
    """Documents in no private collection (Wagtail's collection view restrictions)."""
    documents = get_document_model().objects.all()
    private = Collection.objects.filter(view_restrictions__isnull=False)
    for collection in private:
        documents = documents.exclude(collection__path__startswith=collection.path)
    return documents


def library_options():
    """Each filter's [(value, label-less count)] over the public documents: collections, kinds, languages, years."""
    documents = public_documents().order_by()

    def counted(field):
        return list(documents.values_list(field).annotate(total=models.Count("pk")).order_by(field))

    return {
        "collection": counted("collection"),
        "kind": counted("kind"),
        "language": [(code, total) for code, total in counted("language") if code],
        "year": sorted(
            documents.exclude(date=None).annotate(year=ExtractYear("date")).values_list("year")
            .annotate(total=models.Count("pk")),
            reverse=True,
        ),
        "collection_names": dict(Collection.objects.values_list("pk", "name")),
    }  # fmt: skip


class LibraryForm(forms.Form):
    q = forms.CharField(label=_("Search the documents"), required=False, max_length=200)
    collection = FilterField(label=_("From"), domain=set, normalise=str)
    kind = FilterField(label=_("Kind"), domain=set, normalise=str.lower)
    language = FilterField(label=_("Language"), domain=set, normalise=str.lower)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=EARLIEST_YEAR, max_value=LATEST_YEAR)
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    def __init__(self, data=None, *, options, **kwargs):
        kwargs.setdefault("auto_id", "library-%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        names = options["collection_names"]
        kinds = dict(get_document_model().Kind.choices)
        fields = self.fields
        fields["collection"].choices = [("", _("The network and every city"))] + [
            (str(pk), f"{collection_label(names.get(pk, ''))} ({total})") for pk, total in options["collection"]
        ]
        fields["collection"].domain = lambda: set(map(str, names))
        fields["kind"].choices = [("", _("All kinds"))] + [
            (kind, f"{kinds.get(kind, kind)} ({total})") for kind, total in options["kind"]
        ]
        fields["kind"].domain = lambda: set(kinds)
        fields["language"].choices = [("", _("All languages"))] + [
            (code, f"{language_name(code)} ({total})") for code, total in options["language"]
        ]
        fields["language"].domain = lambda: {code for code, _name in get_document_model().language.field.choices}
        fields["year"].widget = forms.Select(
            choices=[("", _("All years"))] + [(year, f"{year} ({total})") for year, total in options["year"]]
        )

    @property
    def filters(self):
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value and name != "page"}


def collection_label(name):
    # The shared collection holds the network office's documents; each city's carries the city's name.
    return _("Network office") if name == "Network" else name


def documents_library(request, home_page):
    options = for_generation("library-options", (), library_options, request=request)
    form = LibraryForm(request.GET, options=options)
    filters = form.filters
    documents = public_documents().select_related("collection")
    if "collection" in filters:
        documents = documents.filter(collection_id=int(filters["collection"]))
    for name in ("kind", "language"):
        if name in filters:
            documents = documents.filter(**{name: filters[name]})
    if "year" in filters:
        documents = documents.filter(date__year=filters["year"])
    documents = documents.order_by("-date", "title")
    if filters.get("q"):
        documents = documents.search(filters["q"], order_by_relevance=False)
    number = (form.is_valid() and form.cleaned_data.get("page")) or 1
    listing = page_of(documents, number, LIBRARY_PAGE_SIZE)
    context = {
        **Page.get_context(home_page, request),
        "browse_title": _("Documents"),
        "filter_form": form,
        "filtered": bool(filters),
        "listing": listing,
        **page_links(request, listing),
    }
    response = TemplateResponse(request, "library/library.html", context)
    if form.errors:
        response.status_code = 400
    return response
