"""Fixes: applying a finding's edits to source text (`--fix`), and what that changed."""
