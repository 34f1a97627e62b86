"""What differs between two loaded policies (`iprules diff-policy A B`).

Both sides are policies as `load_policy` resolves them — a variant with its base merged in —
so a variant compared with its base shows exactly what the variant overrides, and two
revisions of one folder show what was edited. Compared, each by a stable key:

- the policy's title and issuer;
- clause texts (by clause id: the verbatim text, the English rendering, the title);
- rules (by rule id), as their files write them: title, clauses, readings cited, what makes
  the rule apply, its compliant message, and each `when` branch (by its name, or its place in
  its list) — its conditions (by pattern alias) and its message. Rules are compared as
  written, with `$policy.…` references unresolved: a parameter that changed is reported once,
  as a parameter, with the rules that read it, not again in every rule that reads it;
- parameters (by path, to the leaves of nested mappings; a list is one value), the calendar
  years apart (`parameters.calendar`, by year);
- interpretations (by id), waivers (by clause), the parts of clauses no rule checks
  (not_encoded, by clause and part) and the passages that impose no obligation (by text).

A rule's unnamed branches are matched by their place in the list: inserting one before others
shows the later ones as changed. Naming branches (`name:` in the rule file) keeps them apart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from iprules.policy.load import Policy
from iprules.policy.yamlfile import load_yaml

Kind = Literal["added", "removed", "changed"]
Area = Literal[
    "policy",
    "clause",
    "rule",
    "parameter",
    "calendar",
    "interpretation",
    "waiver",
    "not_encoded",
    "non_normative",
]
AREAS: tuple[Area, ...] = (
    "policy",
    "clause",
    "rule",
    "parameter",
    "calendar",
    "interpretation",
    "waiver",
    "not_encoded",
    "non_normative",
)
_MISSING = object()


@dataclass(frozen=True)
class Change:
    """One difference: in which area, about what (`key`), and which part of it.

    `part` is empty when the whole item was added or removed, or names the part that changed
    ("text", "title", "when", "message", …); `branch` is the rule's alternative it is in
    (`violation:0`, `undetermined:late`), empty for the rule itself; `condition` the pattern
    alias within a branch's `when`. `before`/`after` are plain values (None when absent).
    """

    area: Area
    key: str
    kind: Kind
    part: str = ""
    branch: str = ""
    condition: str = ""
    before: Any = None
    after: Any = None


@dataclass(frozen=True)
class PolicySide:
    """One side of the comparison, as the reader should recognise it."""

    label: str  # the folder as given (with @revision when read from git)
    name: str
    version: str
    policy: Policy


@dataclass
class PolicyDiff:
    before: PolicySide
    after: PolicySide
    changes: list[Change]
    # parameter path → the rules whose files read it ($policy.path or {policy.path})
    readers: dict[str, list[str]] = field(default_factory=dict)

    def in_area(self, area: Area) -> list[Change]:
        return [change for change in self.changes if change.area == area]

    def items(self) -> dict[tuple[Area, str], Kind]:
        """Each item that differs, once: added or removed when the whole item is, else changed."""
        found: dict[tuple[Area, str], Kind] = {}
        for change in self.changes:
            whole = not change.part and not change.branch
            if whole or (change.area, change.key) not in found:
                found[(change.area, change.key)] = change.kind if whole else "changed"
        return found

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(("added", "removed", "changed"), 0)
        for kind in self.items().values():
            found[kind] += 1
        return found


def compare_policies(before: PolicySide, after: PolicySide) -> PolicyDiff:
    a, b = before.policy, after.policy
    changes: list[Change] = []
    for part in ("title", "issuer"):
        old, new = getattr(a, part), getattr(b, part)
        if old != new:
            changes.append(Change("policy", part, "changed", before=_text(old), after=_text(new)))
    changes += _clauses(a, b)
    changes += _rules(a, b)
    parameters = {k: v for k, v in a.parameters.items() if k != "calendar"}
    others = {k: v for k, v in b.parameters.items() if k != "calendar"}
    changes += [
        Change("parameter", path, kind, before=old, after=new)
        for path, kind, old, new in _leaves(parameters, others)
    ]
    changes += _keyed(
        "calendar",
        {str(y): v for y, v in dict(a.parameters.get("calendar") or {}).items()},
        {str(y): v for y, v in dict(b.parameters.get("calendar") or {}).items()},
    )
    changes += _keyed(
        "interpretation",
        {i.id: _interpretation(i) for i in a.interpretations.values()},
        {i.id: _interpretation(i) for i in b.interpretations.values()},
    )
    changes += _keyed(
        "waiver",
        {k: _text(v) for k, v in a.waivers.items()},
        {k: _text(v) for k, v in b.waivers.items()},
    )
    changes += _keyed(
        "not_encoded",
        {
            f"{p.clause}\0{p.part.zh}": {"part": _text(p.part), "reason": _text(p.reason)}
            for p in a.not_encoded
        },
        {
            f"{p.clause}\0{p.part.zh}": {"part": _text(p.part), "reason": _text(p.reason)}
            for p in b.not_encoded
        },
    )
    changes += _keyed(
        "non_normative",
        {n.text: _text(n.reason) for n in a.non_normative},
        {n.text: _text(n.reason) for n in b.non_normative},
    )
    readers = _parameter_readers(b) | {
        path: rules for path, rules in _parameter_readers(a).items() if path not in _parameter_readers(b)
    }
    touched = {c.key for c in changes if c.area == "parameter"}
    return PolicyDiff(
        before,
        after,
        changes,
        {path: rules for path, rules in readers.items() if any(_under(t, path) for t in touched)},
    )


def _under(changed: str, read: str) -> bool:
    """A rule reading `read` is affected when the changed path is it, above it or below it."""
    return changed == read or changed.startswith(f"{read}.") or read.startswith(f"{changed}.")


def _text(value: Any) -> dict[str, str]:
    return {"zh": value.zh, "en": value.en}


def _interpretation(item: Any) -> dict[str, Any]:
    return {
        "clauses": list(item.clauses),
        "question": _text(item.question),
        "reading": _text(item.reading),
        "alternative": _text(item.alternative),
    }


def _keyed(area: Area, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Items by key: added, removed, or changed part by part (a mapping's keys)."""
    changes = []
    for key in _ordered(old, new):
        if key not in new:
            changes.append(Change(area, key, "removed", before=old[key]))
        elif key not in old:
            changes.append(Change(area, key, "added", after=new[key]))
        elif old[key] != new[key]:
            a, b = old[key], new[key]
            if isinstance(a, dict) and isinstance(b, dict) and set(a) == set(b) and set(a) - {"zh", "en"}:
                changes += [
                    Change(area, key, "changed", part, before=a[part], after=b[part])
                    for part in a
                    if a[part] != b[part]
                ]
            else:
                changes.append(Change(area, key, "changed", "value", before=a, after=b))
    return changes


def _ordered(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """The keys of both, in the order the earlier side has them, then the later side's new ones."""
    return [*old, *(key for key in new if key not in old)]


def _leaves(
    old: Mapping[str, Any], new: Mapping[str, Any], prefix: str = ""
) -> Iterator[tuple[str, Kind, Any, Any]]:
    for key in _ordered(old, new):
        path = f"{prefix}{key}"
        a, b = old.get(key, _MISSING), new.get(key, _MISSING)
        if isinstance(a, dict) and isinstance(b, dict):
            yield from _leaves(a, b, f"{path}.")
        elif a is _MISSING:
            yield path, "added", None, b
        elif b is _MISSING:
            yield path, "removed", a, None
        elif a != b:
            yield path, "changed", a, b


# --- clauses ---------------------------------------------------------------------------------


def _clauses(a: Policy, b: Policy) -> list[Change]:
    def shape(policy: Policy) -> dict[str, dict[str, str]]:
        return {c.id: {"title": c.title, "text": c.text, "text_en": c.text_en} for c in policy.clauses}

    return _keyed("clause", shape(a), shape(b))


# --- rules -----------------------------------------------------------------------------------

_RULE_PARTS = ("title", "clause", "interpretations", "applies", "compliant")


def written_rules(policy: Policy) -> dict[str, dict[str, Any]]:
    """Each rule of the policy as its file writes it (`$policy.…` unresolved), by rule id."""
    files: list[Path] = []
    for rule in policy.rules:
        path = policy.root / rule.file
        if path not in files:
            files.append(path)
    found: dict[str, dict[str, Any]] = {}
    for path in files:
        for item in load_yaml(path).value.get("rules", []):
            found[str(item["id"])] = item
    return {rule.id: found[rule.id] for rule in policy.rules}


def branches(item: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """A written rule's alternatives by their branch name (`violation:0`, `undetermined:late`)."""
    found = {}
    for kind, key in (("violation", "violations"), ("undetermined", "undetermined")):
        for index, entry in enumerate(item.get(key) or []):
            found[f"{kind}:{entry.get('name') or index}"] = entry
    return found


def branch_place(item: Mapping[str, Any], branch: str) -> int:
    """Where the branch stands in its list (0 first), for naming it as the reader counts."""
    kind = branch.split(":", 1)[0]
    same_kind = [name for name in branches(item) if name.startswith(f"{kind}:")]
    return same_kind.index(branch)


def _rules(a: Policy, b: Policy) -> list[Change]:
    old, new = written_rules(a), written_rules(b)
    changes: list[Change] = []
    for rule in _ordered(old, new):
        if rule not in new:
            changes.append(Change("rule", rule, "removed", before=_rule_summary(old[rule])))
            continue
        if rule not in old:
            changes.append(Change("rule", rule, "added", after=_rule_summary(new[rule])))
            continue
        x, y = old[rule], new[rule]
        for part in _RULE_PARTS:
            if x.get(part) != y.get(part):
                changes.append(Change("rule", rule, "changed", part, before=x.get(part), after=y.get(part)))
        bx, by = branches(x), branches(y)
        for branch in _ordered(bx, by):
            if branch not in by:
                changes.append(Change("rule", rule, "removed", "branch", branch, before=bx[branch]))
            elif branch not in bx:
                changes.append(Change("rule", rule, "added", "branch", branch, after=by[branch]))
            else:
                changes += _branch(rule, branch, bx[branch], by[branch])
    return changes


def _rule_summary(item: Mapping[str, Any]) -> dict[str, Any]:
    return {"title": item.get("title"), "clause": item.get("clause"), "branches": len(branches(item))}


def _branch(rule: str, branch: str, x: Mapping[str, Any], y: Mapping[str, Any]) -> list[Change]:
    changes = []
    wx, wy = dict(x.get("when") or {}), dict(y.get("when") or {})
    for alias in _ordered(wx, wy):
        if alias not in wy:
            changes.append(Change("rule", rule, "removed", "when", branch, alias, before=wx[alias]))
        elif alias not in wx:
            changes.append(Change("rule", rule, "added", "when", branch, alias, after=wy[alias]))
        elif wx[alias] != wy[alias]:
            changes.append(
                Change("rule", rule, "changed", "when", branch, alias, before=wx[alias], after=wy[alias])
            )
    for part in ("message", "interpretations"):
        if x.get(part) != y.get(part):
            changes.append(
                Change("rule", rule, "changed", part, branch, before=x.get(part), after=y.get(part))
            )
    return changes


def _parameter_readers(policy: Policy) -> dict[str, list[str]]:
    """Which rules' files name each parameter (`$policy.path` in a condition, `{policy.path}`
    in a title or message). Parameters the fact derivations read (units, district_bureau,
    positions, complaint_phone …) are not named in rule files and so have no readers here."""
    readers: dict[str, list[str]] = {}
    for rule, item in written_rules(policy).items():
        words = json.dumps(item, ensure_ascii=False)
        for path in _policy_references(words):
            readers.setdefault(path, [])
            if rule not in readers[path]:
                readers[path].append(rule)
    return readers


_REFERENCE = re.compile(r"(?:\$policy\.|\{policy\.)([a-z0-9_.]+[a-z0-9_])")


def _policy_references(words: str) -> list[str]:
    return _REFERENCE.findall(words)
