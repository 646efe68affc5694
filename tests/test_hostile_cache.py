"""The result cache is a speed-up, never a source of truth: whatever is written into it,
a run reports exactly what a run without the cache reports."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tf2lint.cache import Cache
from tf2lint.config import Config
from tf2lint.runner import run

CONFIG = Config()
SOURCES = {
    "a.py": "import tensorflow as tf\nx = tf.placeholder(tf.float32)\nopt = tf.train.AdamOptimizer(0.1)\n",
    "b.py": "import tensorflow as tf\ns = tf.Session()\n",
    "c.py": "import tensorflow as tf\ny = tf.constant(1)\n",
    "d.ipynb": json.dumps({"cells": [{"cell_type": "code", "source": "import tensorflow as tf\ntf.Session()"}]}),
}

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=12,
)


def _plain(results):
    return [(r.filename, [f.to_json() if hasattr(f, "to_json") else repr(f) for f in r.findings]) for r in results]


def _tamper(entry, data, where):
    """Replace one part of a cache entry (or the whole entry) with arbitrary JSON."""
    if where == 0 or not isinstance(entry, list) or not entry:
        return data
    entry = list(entry)
    index = where % len(entry)
    if index == 1 and isinstance(entry[1], list) and entry[1] and isinstance(entry[1][0], list) and where % 2:
        row = list(entry[1][0])
        row[where % len(row)] = data
        entry[1] = [row, *entry[1][1:]]
    else:
        entry[index] = data
    return entry


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=JSON, where=st.integers(0, 40), victim=st.sampled_from(sorted(SOURCES)), want=st.booleans())
def test_tampered_cache_never_changes_results(tmp_path_factory, data, where, victim, want):
    root: Path = tmp_path_factory.mktemp("tamper")
    paths = []
    for name, text in SOURCES.items():
        (root / name).write_text(text)
        paths.append(str(root / name))
    expected, _ = run(paths, CONFIG, want_identities=want)
    cache_dir = root / "cache"
    cache = Cache(str(cache_dir), CONFIG)
    run(paths, CONFIG, cache=cache, want_identities=want)
    (results,) = cache_dir.glob("results-*.json")
    stored = json.loads(results.read_text())
    key = next(k for k in stored["files"] if k.endswith(victim))
    stored["files"][key] = _tamper(stored["files"][key], data, where)
    results.write_text(json.dumps(stored))
    got, _ = run(paths, CONFIG, cache=Cache(str(cache_dir), CONFIG), want_identities=want)
    assert _plain(got) == _plain(expected)
    assert [r.identities for r in got] == [r.identities for r in expected]
