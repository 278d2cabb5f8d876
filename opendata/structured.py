"""What a page says about itself to machines: Open Graph for link previews and schema.org JSON-LD
(``NewsArticle`` for news, ``Event`` for events, ``City``, a ``Place``, for city profiles; the home page
describes the network as an ``Organization``)."""

from citypages.models import CityPage, CooperationProjectPage, EventPage, NewsPage
from cms.tree import HOME_PAGE_DEPTH

NETWORK = {"@type": "Organization", "name": "CityNet", "alternateName": "Network of Michelin cities"}


def description_of(page):
    return page.search_description or getattr(page, "summary", "") or getattr(page, "intro", "") or ""


def city_place(city, request):
    place = {"@type": "City", "name": city.title, "url": city.get_full_url(request)}
    place["address"] = {"@type": "PostalAddress", "addressCountry": city.country}
    if city.region:
        place["address"]["addressRegion"] = city.region
    if city.latitude is not None and city.longitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": float(city.latitude), "longitude": float(city.longitude)}
    return place


def json_ld(page, request, language):
    """The schema.org description of ``page`` (its text in ``language``), or None for page types that have none."""
    common = {"@context": "https://schema.org", "url": page.get_full_url(request), "inLanguage": language}
    if isinstance(page, NewsPage):
        data = {**common, "@type": "NewsArticle", "headline": page.title[:110], "description": page.summary,
                "datePublished": page.date.isoformat(), "publisher": NETWORK}  # fmt: skip
        if page.last_published_at:
            data["dateModified"] = page.last_published_at.isoformat()
        city = page.city
        if city is not None:
            data["contentLocation"] = city_place(city, request)
            data["author"] = {"@type": "GovernmentOrganization", "name": city.title}
        return data
    if isinstance(page, EventPage):
        data = {**common, "@type": "Event", "name": page.title, "description": page.summary,
                "startDate": page.start.isoformat(), "endDate": page.end.isoformat(),
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "eventStatus": "https://schema.org/EventScheduled", "organizer": NETWORK}  # fmt: skip
        city = page.host_city or page.city
        location = {"@type": "Place", "name": page.venue}
        if city is not None:
            location["containedInPlace"] = city_place(city, request)
        data["location"] = location
        return data
    if isinstance(page, CityPage):
        data = {**common, **city_place(page, request), "@context": "https://schema.org"}
        data["description"] = page.intro
        if page.website:
            data["sameAs"] = [page.website]
        return data
    if isinstance(page, CooperationProjectPage):
        return None
    if page.depth == HOME_PAGE_DEPTH:
        return {**common, **NETWORK, "description": description_of(page)}
    return None


def open_graph(page, request, language, site_name=NETWORK["name"]):
    """Open Graph properties (name, value) for ``page``, whose text is in ``language``, on the site ``site_name``."""
    kind = "article" if isinstance(page, NewsPage | CooperationProjectPage) else "website"
    properties = [
        ("og:site_name", site_name),
        ("og:type", kind),
        ("og:title", page.seo_title or page.title),
        ("og:url", page.get_full_url(request)),
        ("og:locale", _og_locale(language)),
    ]
    description = description_of(page)
    if description:
        properties.append(("og:description", description))
    image = getattr(page, "hero_image", None) or getattr(page, "image", None)
    if image is not None:
        rendition = image.get_rendition("fill-1200x630|format-jpeg")
        properties.append(("og:image", request.build_absolute_uri(rendition.url)))
        properties.append(("og:image:alt", image.default_alt_text or image.title))
    if isinstance(page, NewsPage):
        properties.append(("article:published_time", page.date.isoformat()))
    return properties


def _og_locale(language):
    """Open Graph wants language_TERRITORY; ours are languages (and zh-hans, a script)."""
    territories = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES", "pt": "pt_BR", "de": "de_DE", "it": "it_IT",
                   "pl": "pl_PL", "ro": "ro_RO", "hu": "hu_HU", "zh-hans": "zh_CN", "th": "th_TH"}  # fmt: skip
    return territories.get(language, language.replace("-", "_"))
