"""wagtail-localize's PO upload, answering every bad upload with a message instead of a server error.

Its view handles a file polib cannot parse, but a request without a file, or a PO file without the
``X-WagtailLocalize-TranslationID`` header (one made by another tool), raises ``KeyError`` and a 500. This view
checks those two cases, then hands the request to localize's own view, served at the same URL (our admin URLs
are registered first).
"""

import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile, user_can_edit_instance

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


def _problem_with(upload):
    if upload is None:
        return _("Choose the PO file to upload.")
    # polib takes a string as a file name when such a file exists, so the upload is parsed from a file of its own.
    with tempfile.NamedTemporaryFile(suffix=".po") as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        try:
            metadata = polib.pofile(copy.name).metadata
        except (OSError, UnicodeDecodeError, ValueError):
            metadata = None  # localize's own view reports an unreadable file
    upload.seek(0)
    if metadata is not None and TRANSLATION_ID_HEADER not in metadata:
        return _(
            "This PO file was not downloaded from a translation here: download the PO file of this translation, "
            "translate it and upload it again."
        )
    return None


@require_POST
def upload_translation_po_file(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    problem = _problem_with(request.FILES.get("file"))
    if problem is None:
        return upload_pofile(request, translation_id)
    messages.error(request, problem)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
