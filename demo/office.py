"""The network office in the demo (``office.json``): its pages (the About section, the legal notice, privacy) in
every language the data has, and the site's settings that link them from every page with the office's contact.

Built right after the network's structure, so that the menu and footer of every page have their links.
"""

from django.db import transaction
from wagtail.models import Site

from home.models import HomePage, NetworkPage, NetworkSettings

from .streams import body_stream, flat_strings

SITE_NAME = "CityNet"


def _strings(entry):
    return {"title": [entry["title"]], "intro": [entry["intro"]], "body": flat_strings(entry["body"])}


class NetworkOfficeMixin:
    def build_network_office(self):
        office = self.data.office
        home = HomePage.objects.get(locale=self.locales["en"])
        built = {}
        for entry in office.get("pages", []):
            parent = built[entry["parent"]] if entry.get("parent") else home
            with transaction.atomic():
                page = self._office_page(parent, entry)
            self._translate(page, entry["text"], _strings)
            self._alias_everywhere(page)  # a language the data has no text for shows the English, marked as such
            built[entry["key"]] = page
        site = Site.objects.get(is_default_site=True)
        if not site.site_name:
            site.site_name = SITE_NAME  # what the admin and the page titles show, never the host name
            site.save(update_fields=["site_name"])
        settings, created = NetworkSettings.objects.get_or_create(site=site)
        if created:
            contact = office.get("office", {})
            settings.office_name = contact.get("name", "")
            settings.office_address = contact.get("address", "")
            settings.office_email = contact.get("email", "")
            settings.office_phone = contact.get("phone", "")
            for entry in office.get("pages", []):
                if entry.get("link"):
                    setattr(settings, f"{entry['link']}_page", built[entry["key"]])
            settings.save()
        self.progress("network office")

    def _office_page(self, parent, entry):
        slug = entry["key"]
        existing = NetworkPage.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        text = entry["text"]["en"]
        page = NetworkPage(title=text["title"], slug=slug, intro=text["intro"], body=body_stream(text["body"]))
        return self._publish(parent, page)
