"""Per-locale format overrides, found through ``FORMAT_MODULE_PATH``; Django's own formats fill in the rest."""
