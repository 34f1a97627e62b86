"""From engine matches to findings that explain themselves.

A rule applies to a case once per match of its `applies` patterns (its subject). The
subject is a violation if some violation alternative matched with the same subject facts,
otherwise undetermined if some undetermined alternative did, otherwise compliant. A match
of a violation is certain (the facts it names are there); a missing fact can only hide a
violation, which is what the undetermined alternatives are for.

A finding names the branch that decided it (`decide`): the first alternative of its verdict,
in the rule file's order, that matched (`violation:late`, `undetermined:0`), or `compliant`.
It cites the rule's interpretations and those of every alternative whose message it shows
(each matched alternative of its verdict): a reading that one alternative relies on is cited
only where that alternative spoke.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Literal, TypeAlias, TypeVar

from pydantic import BaseModel, ConfigDict

from iprules.engine import Match
from iprules.facts import CaseFacts, field_spec
from iprules.finding_id import FindingIds, numbered
from iprules.i18n import Text
from iprules.ledger.source import Source
from iprules.policy.compile import CompiledPolicy, alternative_of
from iprules.policy.rules import COMPLIANT_BRANCH, Alternative, Rule
from iprules.unread import Unread, judge

UNREAD_BRANCH = "undetermined:unread"
"""The branch of a verdict turned 无法判定 by rows that could not be read (no rule alternative)."""
Verdict = Literal["violation", "undetermined", "compliant"]
VERDICT_ORDER: dict[str, int] = {"violation": 0, "undetermined": 1, "compliant": 2}
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\}")


class Finding(BaseModel):
    """One verdict of one rule on one case, with the words and the records behind it."""

    model_config = ConfigDict(frozen=True)

    case: str
    verdict: Verdict
    rule: str
    branch: str  # the alternative that decided the verdict (`Alternative.branch`), or "compliant"
    clauses: tuple[str, ...]
    title: Text
    messages: tuple[Text, ...]
    interpretations: tuple[str, ...]
    evidence: tuple[Source, ...]
    # rejected rows this finding could have read (iprules.unread): its verdict is 无法判定
    # because of them (branch UNREAD_BRANCH), or stands with this mark
    affected_by: tuple[Source, ...] = ()
    # the same finding on the same case has the same id in every check (iprules.finding_id)
    id: str = ""

    def sort_key(self) -> tuple[Any, ...]:
        # the messages last: two findings of one rule may stand on the same records (two
        # first-responder entries of one case), and their order must not be the input's
        return (
            self.case,
            self.rule,
            VERDICT_ORDER[self.verdict],
            [s.sort_key() for s in self.evidence],
            [(m.zh, m.en) for m in self.messages],
        )


def render(template: Text, bound: dict[str, dict[str, Any]]) -> Text:
    """Fill `{alias.field}` from the matched facts; closed-vocabulary values in words."""
    return message(_fill(_pieces(template.zh), bound, "zh"), _fill(_pieces(template.en), bound, "en"))


# a template cut at its placeholders: literal text, then (alias, field, already bracketed)
_Pieces: TypeAlias = tuple[str | tuple[str, str, bool], ...]
_cut: dict[str, _Pieces] = {}


def _pieces(template: str) -> _Pieces:
    """The template's pieces, cut once per template (a check renders the same few hundred
    messages hundreds of thousands of times)."""
    pieces = _cut.get(template)
    if pieces is None:
        found: list[str | tuple[str, str, bool]] = []
        at = 0
        for match in _PLACEHOLDER.finditer(template):
            start, end = match.start(), match.end()
            # a placeholder the message already brackets, "（{x.y}）", gets no second pair
            bracketed = (
                start > 0 and end < len(template) and template[start - 1] in "（(" and template[end] in "）)"
            )
            found += [template[at:start], (match.group(1), match.group(2), bracketed)]
            at = end
        found.append(template[at:])
        pieces = _cut[template] = tuple(found)
    return pieces


def _fill(pieces: _Pieces, bound: dict[str, dict[str, Any]], lang: str) -> str:
    out = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
            continue
        alias, name, bracketed = piece
        fact = bound.get(alias, {})
        if name not in fact:
            if lang == "zh":
                out.append("未记录" if bracketed else "（未记录）")
            else:
                out.append("not recorded" if bracketed else "(not recorded)")
            continue
        spec = field_spec(str(fact.get("type")), name)
        out.append(spec.show(fact[name], lang) if spec else str(fact[name]))
    return "".join(out)


def decide(rule: Rule, matched: set[tuple[str, int]]) -> tuple[Verdict, str, tuple[str, ...]]:
    """The verdict, the deciding branch and the readings cited, from the (kind, index) of
    the alternatives that matched one subject. The oracle (tests/oracle.py) says the same
    in its own words; the differential tests hold the two together."""
    verdict: Verdict = "compliant"
    if any(kind == "violation" for kind, _ in matched):
        verdict = "violation"
    elif matched:
        verdict = "undetermined"
    spoke: list[Alternative] = [
        a for a in rule.alternatives if (a.kind, a.index) in matched and a.kind == verdict
    ]
    branch = spoke[0].branch if spoke else COMPLIANT_BRANCH
    readings = list(rule.interpretations)
    for alternative in spoke:
        readings += [name for name in alternative.interpretations if name not in readings]
    return verdict, branch, tuple(readings)


def finding_from_values(
    case: str,
    verdict: str,
    rule: Rule,
    messages: tuple[Text, ...],
    evidence: tuple[Source, ...],
    branch: str,
    interpretations: tuple[str, ...],
    affected_by: tuple[Source, ...] = (),
    finding_id: str = "",
) -> Finding:
    """A finding from parts that are already models (the rule's, or made by `assemble`)."""
    finding = Finding(
        case=case,
        verdict=verdict,  # type: ignore[arg-type]  # validated by the model
        rule=rule.id,
        branch=branch,
        clauses=rule.clauses,
        title=rule.title,
        messages=messages,
        interpretations=interpretations,
        evidence=evidence,
        affected_by=affected_by,
        id=finding_id,
    )
    return share_fields_set(finding, _FINDING_FIELDS)


_FINDING_FIELDS = set(Finding.model_fields)
_TEXT_FIELDS = set(Text.model_fields)
_Model = TypeVar("_Model", bound=BaseModel)


def share_fields_set(model: _Model, fields: set[str]) -> _Model:
    """Every field of `model` was given: let it share one "fields set" with its kind. pydantic
    keeps a set per instance (728 bytes for a Finding, half its size); a million-record check
    holds hundreds of thousands of findings. (A copy with changes copies the set first.)"""
    object.__setattr__(model, "__pydantic_fields_set__", fields)
    return model


def message(zh: str, en: str) -> Text:
    """A finding's message, sharing its fields set as findings do."""
    return share_fields_set(Text(zh=zh, en=en), _TEXT_FIELDS)


def assemble(
    case: CaseFacts,
    matches: list[Match],
    rules: list[Rule],
    compiled: CompiledPolicy,
    unread: Unread | None = None,
    finding_ids: FindingIds | None = None,
) -> list[Finding]:
    """`unread`: the case's rows that could not be read, which may turn a verdict into
    无法判定 or mark it (`iprules.unread`). `finding_ids` names the findings from the case's records
    (`iprules.finding_id`); without it they are named by their records' places."""
    name = finding_ids if finding_ids is not None else FindingIds("", ())
    by_id = {fact["id"]: fact for fact in case.facts}
    plan, decisions = _plan(rules, compiled)
    subjects: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    outcomes: dict[tuple[str, tuple[str, ...]], list[tuple[str, int, Alternative, dict[str, str]]]] = (
        defaultdict(list)
    )
    for match in matches:
        rule, kind, index, alternative, applies = plan[match.name]
        ids = dict(match.facts)
        subject = tuple(ids[alias] for alias in applies)
        if alternative is None:
            subjects[rule.id].add(subject)
            continue
        outcomes[(rule.id, subject)].append((kind, index, alternative, ids))
    findings = []
    for rule in rules:
        held = subjects.get(rule.id)
        if not held:
            continue
        doubts = unread.doubts(rule) if unread else []
        for subject in sorted(held):
            found = outcomes.get((rule.id, subject), [])
            matched = frozenset((kind, index) for kind, index, _, _ in found)
            decided = decisions.get((rule.id, matched))
            if decided is None:
                decided = decisions[(rule.id, matched)] = decide(rule, set(matched))
            verdict, branch, readings = decided
            # only the messages of the verdict's alternatives are shown, so only they are rendered
            relevant = [
                (
                    render(alternative.message, {alias: by_id[fact_id] for alias, fact_id in ids.items()}),
                    tuple(ids.values()),
                )
                for kind, _, alternative, ids in found
                if kind == verdict
            ]
            if verdict == "compliant":
                bound = {p.alias: by_id[fact_id] for p, fact_id in zip(rule.applies, subject, strict=True)}
                relevant = [(render(rule.compliant or rule.title, bound), subject)]
            fact_ids = {fact_id for _, ids in relevant for fact_id in ids} | set(subject)
            sources = sorted({s for fact_id in fact_ids for s in case.sources[fact_id]}, key=Source.sort_key)
            messages = tuple(sorted({message for message, _ in relevant}, key=lambda t: (t.zh, t.en)))
            violated = [alternative for kind, _, alternative, _ in found if kind == "violation"]
            judged, notes, affected_by = judge(verdict, violated, doubts)
            if judged != verdict:
                branch = UNREAD_BRANCH
            findings.append(
                finding_from_values(
                    case.case,
                    judged,
                    rule,
                    notes + messages,
                    tuple(sources),
                    branch,
                    readings,
                    affected_by,
                    name(case.case, rule.id, branch, sources),
                )
            )
    return _distinct_ids(sorted(findings, key=Finding.sort_key))


# per compiled engine rule: its rule, kind, index, alternative (None for `applies`) and the
# aliases of the rule's subject; made once per (rules, compiled) pair, not once per case
_Step: TypeAlias = tuple[Rule, str, int, Alternative | None, tuple[str, ...]]
# and `decide`'s answers for the (rule, alternatives matched) seen so far
_Decisions: TypeAlias = dict[tuple[str, frozenset[tuple[str, int]]], tuple[Verdict, str, tuple[str, ...]]]
_plans: list[tuple[list[Rule], CompiledPolicy, dict[str, _Step], _Decisions]] = []


def _plan(rules: list[Rule], compiled: CompiledPolicy) -> tuple[dict[str, _Step], _Decisions]:
    for known_rules, known_compiled, known_plan, known_decisions in _plans:
        if known_rules is rules and known_compiled is compiled:
            return known_plan, known_decisions
    by_id = {rule.id: rule for rule in rules}
    plan: dict[str, _Step] = {}
    for engine_rule, target in compiled.targets.items():
        rule = by_id[target.rule]
        alternative = None if target.kind == "applies" else alternative_of(rule, target)
        assert target.kind == "applies" or alternative is not None
        plan[engine_rule] = (
            rule,
            target.kind,
            target.index,
            alternative,
            tuple(p.alias for p in rule.applies),
        )
    decisions: _Decisions = {}
    _plans.insert(0, (rules, compiled, plan, decisions))
    del _plans[8:]  # a process checks with one or a few policies; the test suite with many
    return plan, decisions


def _distinct_ids(findings: list[Finding]) -> list[Finding]:
    """Two findings of a case that would share an id (`iprules.finding_id.numbered`)."""
    ids = [finding.id for finding in findings]
    if len(set(ids)) == len(ids):
        return findings
    order = [tuple(m.zh for m in finding.messages) for finding in findings]
    return [
        f if f.id == new else share_fields_set(f.model_copy(update={"id": new}), _FINDING_FIELDS)
        for f, new in zip(findings, numbered(ids, order), strict=True)
    ]
