"""Data tables behind the rules (symbol -> replacement), kept apart from rule logic."""
