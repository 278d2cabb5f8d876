"""``kept`` in every template: what Django's ``{% cache %}`` tag needs to keep part of a page for the generation.

    {% load cache %}
    {% cache kept.timeout|default:0 city-sections page.pk kept.version LANGUAGE_CODE %} ... {% endcache %}

``kept.version`` names the release, the content generation and the date (statuses and "upcoming" follow it), so a
kept part is fresh after any change, a deploy or midnight, as the cached pages are. For a preview (a draft), with
the fragments switched off or the cache unreachable, ``kept.timeout`` is 0 and the version names no generation:
the part is rendered every time and nothing is kept.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from .fragments import FRAGMENT_TIMEOUT
from .generation import current_generation
from .keys import release


def _kept(request):
    generation = current_generation() if settings.PAGE_FRAGMENTS_CACHED else None
    if generation is None or getattr(request, "is_preview", False):
        return {"timeout": 0, "version": "never-kept"}
    return {"timeout": FRAGMENT_TIMEOUT, "version": f"{release()}:{generation}:{timezone.localdate().isoformat()}"}


def kept_fragments(request):
    # Lazy: only the templates that keep a part read the generation.
    return {"kept": SimpleLazyObject(lambda: _kept(request))}
