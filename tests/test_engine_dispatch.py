"""The walk's fast paths change nothing a rule can see: every node a rule asks for is
visited, `call_names` limits a check to the calls it names, and the resolver's shortcuts
give the same answers as a full lookup."""

import ast

from tf2lint.context import Context
from tf2lint.engine import RuleSet, walk
from tf2lint.resolver import Resolver
from tf2lint.rules.base import Rule

SOURCE = """\
import tensorflow as tf
import tensorflow.compat.v1 as v1
from tensorflow import Session as S

alias = tf
legacy = alias.compat.v1

def run(x, y=1 + 2):
    s = tf.Session(config=None)
    t = legacy.Session()
    u = S()
    w = open("f").read()
    z = [tf.placeholder(tf.float32) for _ in range(3)]
    f = lambda tf: tf.Session()
    return -x < y and s.run(w, feed_dict={1: "a"})
"""


class Recorder(Rule):
    code = "TF000"
    symbol = "recorder"
    summary = "seen"
    replacement = "-"

    def __init__(self, node_types, call_names=None):
        self.node_types = tuple(node_types)
        if call_names is not None:
            self.call_names = call_names
        self.seen = []

    def check(self, node, ctx):
        self.seen.append(node)


def run_rules(*rules, source=SOURCE):
    tree = ast.parse(source)
    ctx = Context("t.py", source.splitlines(), Resolver(tree), (2, 21))
    walk(tree, ctx, RuleSet(rules))
    return tree, ctx


def reference_walk(tree, resolver):
    """The walk without its shortcuts: every field of every node, in order."""
    from tf2lint.engine import _SCOPED, _scoped_children

    out = []
    stack = [(tree, resolver.module_scope)]
    while stack:
        node, scope = stack.pop()
        out.append(node)
        if isinstance(node, (ast.Name, ast.Attribute)):
            if isinstance(node.ctx, ast.Load):
                ref = resolver.resolve(node, scope)
                if ref is not None and not ref.instance:
                    continue
            if isinstance(node, ast.Name):
                continue
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if type(node) in _SCOPED:
            outer, inner, inside = _scoped_children(node, scope, resolver)
            children = [(child, scope) for child in outer] + [(child, inner) for child in inside]
        else:
            children = [(child, scope) for child in ast.iter_child_nodes(node)]
        stack.extend(reversed(children))
    return out


ALL_TYPES = tuple(cls for cls in vars(ast).values() if isinstance(cls, type) and issubclass(cls, ast.AST))


def test_a_rule_asking_for_every_node_type_sees_the_unabridged_walk():
    recorder = Recorder(ALL_TYPES)
    tree, ctx = run_rules(recorder)
    expected = reference_walk(tree, Resolver(tree))
    assert [type(n).__name__ for n in recorder.seen] == [type(n).__name__ for n in expected]
    assert [getattr(n, "lineno", 0) for n in recorder.seen] == [getattr(n, "lineno", 0) for n in expected]


def test_leaf_nodes_are_visited_when_a_rule_asks_for_them():
    types = (ast.Constant, ast.Load, ast.Add, ast.USub, ast.And, ast.Lt)
    recorder = Recorder(types)
    tree, _ = run_rules(recorder)
    expected = [n for n in reference_walk(tree, Resolver(tree)) if isinstance(n, types)]
    assert [type(n).__name__ for n in recorder.seen] == [type(n).__name__ for n in expected]
    assert {"Constant", "Load", "Add", "USub", "And", "Lt"} <= {type(n).__name__ for n in recorder.seen}


def test_call_names_limit_a_check_to_matching_calls():
    everything = Recorder((ast.Call,))
    sessions = Recorder((ast.Call,), call_names=("Session",))
    run_rules(everything, sessions)
    assert len(everything.seen) == SOURCE.count("(") - 1  # every call; `def run(` is no call
    assert [ast.unparse(n.func) for n in sessions.seen] == ["tf.Session", "legacy.Session", "S"]


def test_call_names_prefixes_match_like_names():
    module = Recorder((ast.Call,), call_names=("compat",))
    placeholder = Recorder((ast.Call,), call_names=("placeholder", "nn.relu"))
    run_rules(module, placeholder)
    assert module.seen == []  # `legacy.Session` resolves to the canonical name `Session`
    assert [ast.unparse(n.func) for n in placeholder.seen] == ["tf.placeholder"]


def test_a_crashing_limited_check_is_reported_and_others_still_run():
    class Crash(Recorder):
        def check(self, node, ctx):
            raise ValueError("boom")

    after = Recorder((ast.Call,))
    _, ctx = run_rules(Crash((ast.Call,), call_names=("Session",)), after)
    assert [f.code for _, f in ctx.findings] == ["TF009"] * 3
    assert len(after.seen) == SOURCE.count("(") - 1


def test_shortcuts_give_the_answers_of_a_full_lookup():
    tree = ast.parse(SOURCE)
    resolver = Resolver(tree)
    assert {"tf", "v1", "S", "alias", "legacy", "s", "t", "u"} <= resolver.maybe_tf
    assert not {"w", "x", "y", "open", "range", "run", "f"} & resolver.maybe_tf
    fast = Resolver(tree)
    slow = Resolver(tree)
    slow.maybe_tf = _Everything()  # no shortcut: every name takes the full lookup
    scope = fast.module_scope
    for node in ast.walk(tree):
        if isinstance(node, (ast.Name, ast.Attribute, ast.Call)):
            inner = fast.scopes.get(id(tree.body[5]), scope) if getattr(node, "lineno", 0) > 8 else scope
            inner_slow = slow.scopes.get(id(tree.body[5]), slow.module_scope) if getattr(node, "lineno", 0) > 8 else slow.module_scope
            assert fast.resolve(node, inner) == slow.resolve(node, inner_slow), ast.unparse(node)
            assert fast.resolve(node, inner) == slow.resolve(node, inner_slow)  # second answer from the memo


class _Everything(set):
    def __contains__(self, item):
        return True


def test_every_call_rule_declares_the_calls_it_handles():
    """No rule scans every call by default: a Call rule names what it handles, or says `all_calls`."""
    from tf2lint.registry import all_rules

    undeclared = [
        cls.code
        for cls in all_rules()
        if ast.Call in cls.node_types
        and not cls.all_calls
        and cls.call_names is None
        and not cls.call_attrs
        and not cls.call_keywords
    ]
    assert undeclared == []
    every = sorted(cls.code for cls in all_rules() if ast.Call in cls.node_types and cls.all_calls)
    assert len(every) <= 2, every


def test_a_call_runs_only_the_rules_registered_for_it():
    class ByName(Recorder):
        call_names = ("Session",)

    class ByAttr(Recorder):
        call_attrs = ("read",)

    class ByKeyword(Recorder):
        call_keywords = ("feed_dict",)

    by_name, by_attr, by_kw = ByName([ast.Call]), ByAttr([ast.Call]), ByKeyword([ast.Call])
    run_rules(by_name, by_attr, by_kw)
    assert sorted(ast.unparse(n.func) for n in by_name.seen) == ["S", "legacy.Session", "tf.Session"]  # not the lambda's own `tf`
    assert [ast.unparse(n.func) for n in by_attr.seen] == ["open('f').read"]
    assert [ast.unparse(n.func) for n in by_kw.seen] == ["s.run"]
