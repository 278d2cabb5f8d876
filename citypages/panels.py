"""Editor panels of the city section's page types."""

from wagtail.admin.panels import HelpPanel


class LifecycleNoticePanel(HelpPanel):
    """A warning in the project editor while the dates contradict the status (``citypages/lifecycle.py``).

    Wagtail's HelpPanel always shows; this one shows only for a project that awaits confirmation, so the editor
    tells the city's team what the public sees and what to do about it."""

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return super().is_shown() and bool(getattr(self.instance, "awaits_confirmation", False))
