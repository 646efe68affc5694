"""Rule modules, one per family (``tfN_*.py``); each registers its rules on import."""
