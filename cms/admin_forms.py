"""StreamFields in admin forms: a submission that lacks the editor's bookkeeping fields is a form error, not a 500.

Wagtail's ``StreamBlock.value_from_datadict`` reads ``<field>-count`` and each child's ``-type``/``-order`` with
``int(data[...])``, so a POST without them (a truncated request, a stale script, a hand-made client) raises
``KeyError``/``ValueError`` from deep inside form cleaning, and the editor gets a server error. Wagtail has no
option to report it as a validation error, so the widget below turns an unreadable submission into a marker value,
and the field turns the marker into an error on that field; the form is then shown again with the page as it was
saved, and nothing is saved.

Wagtail builds every admin model form field through its form field registry (``register_form_field_override``),
so registering the field for ``StreamField`` covers every page type, snippet and inline child form, present or
future, without touching their ``base_form_class``.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.blocks.base import BlockField, BlockWidget
from wagtail.fields import StreamField


class UnreadableStreamSubmission:
    """Stands for the value of a StreamField whose submitted data could not be read."""

    def __repr__(self):
        return "<unreadable StreamField submission>"


UNREADABLE = UnreadableStreamSubmission()


class SubmissionCheckingBlockWidget(BlockWidget):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (KeyError, ValueError, TypeError):
            # Missing keys (MultiValueDictKeyError is a KeyError) or a count, order or id that is no number.
            return UNREADABLE


class SubmissionCheckingBlockField(BlockField):
    def __init__(self, block=None, **kwargs):
        kwargs.setdefault("widget", SubmissionCheckingBlockWidget(block))
        super().__init__(block=block, **kwargs)

    def clean(self, value):
        if value is UNREADABLE:
            raise ValidationError(
                _("This content arrived incomplete and was not saved. Reload the page and edit it again."),
                code="unreadable_submission",
            )
        return super().clean(value)

    def bound_data(self, data, initial):
        # Shown again with the form: the content as saved, since what was sent cannot be read.
        return initial if data is UNREADABLE else data

    def has_changed(self, initial, data):
        return data is UNREADABLE or super().has_changed(initial, data)


def register():
    """Make every admin form's StreamFields use the checking field (called once, when the app registry loads)."""
    register_form_field_override(StreamField, override={"form_class": SubmissionCheckingBlockField})
