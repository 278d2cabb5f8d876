"""What a city page's own editors may do to the city page itself."""

from translations.permissions import TranslatorAwarePagePermissionTester, translator_group_ids


class CityPagePermissionTester(TranslatorAwarePagePermissionTester):
    """A member city's page stays in the network: the city's team edits it (granted on the page itself), but only
    rights granted above it (the network office's) delete, move or unpublish it."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.granted_above = set()
        if user.is_active and not user.is_superuser:
            translator_groups = translator_group_ids(user)
            self.granted_above = {
                perm.permission.codename.rsplit("_", maxsplit=1)[0]
                for perm in self.permission_policy.get_cached_permissions_for_user(user)
                if perm.page_id != page.pk and page.path.startswith(perm.page.path)
                if perm.group_id not in translator_groups
            }

    def _network_wide(self, *actions):
        return self.user.is_superuser or set(actions) <= self.granted_above

    def can_delete(self, ignore_bulk=False):
        return self._network_wide("change", "publish") and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return self._network_wide("publish") and super().can_unpublish()
