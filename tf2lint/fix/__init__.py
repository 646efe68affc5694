"""Fixes: applying a finding's edits to source text (`--fix`), and what that changed.

- ``edits``: one pass of non-overlapping edits over a text;
- ``loop``: lint, apply the allowed fixes, re-lint, to a fixpoint (the result must parse);
- ``source``: decoding and encoding a file as it was (encoding, BOM, newlines);
- ``notebook``: fixes mapped onto a notebook's code cells, its JSON layout kept;
- ``files``: fixing files on disk, atomically, in worker processes for many files;
- ``run``: the `check` flags and what `check` does with them; ``report``: what it prints;
- ``catalog``: a rule's fix availability, derived from its examples.
"""
