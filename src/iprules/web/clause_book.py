"""条款 — the clause book: the source document sentence by sentence, for a legal reviewer.

Each passage of the source in its order: a clause with its number, verbatim text and English
rendering; its rules in plain words branch by branch (each violation and undetermined
alternative, the scenarios that pin it, and what is compliant otherwise); the readings it
relies on with their alternatives; its waiver; the parts of it no rule checks (marked in the
text itself); its scenarios and the verdicts they pin; and a box for the reviewer's comment,
signature and date. Passages that impose no duty are shown small with their reason; a clause
that is waived or not accounted for, and text nothing accounts for, stand out.

The pieces are the CLI's: coverage (`iprules clauses`), the branch words of review.py, the
scenarios run as `iprules scenarios` runs them.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from iprules.coverage import BranchCoverage, ClauseCoverage
from iprules.drill import Question, target_clause
from iprules.i18n import Lang
from iprules.policy.clauses import Clause, within
from iprules.policy.load import Interpretation, NotEncoded, Policy
from iprules.review import plain_message
from iprules.source_text import Passage, passages, segments
from iprules.web.book_words import sayer
from iprules.web.render import lang_of, page
from iprules.web.scenario_runs import Runs, runs_of

_NUMERALS = "一二三四五六七八九"


def _readings(clause: Clause, item: ClauseCoverage, policy: Policy) -> list[Interpretation]:
    """The readings of this clause, then those its rules rely on that belong to other clauses."""
    names = list(item.interpretations)
    for rule in policy.rules:
        if clause.id in rule.clauses:
            used = [*rule.interpretations, *(n for alt in rule.alternatives for n in alt.interpretations)]
            names += [name for name in used if name not in names]
    return [policy.interpretations[name] for name in names if name in policy.interpretations]


def _branch(branch: BranchCoverage, names: dict[str, str], lang: Lang) -> dict[str, Any]:
    alternative = branch.alternative
    return {
        "kind": alternative.kind,
        "n": alternative.index + 1,
        "name": alternative.branch,
        "message": plain_message(alternative.message(lang)),
        "pinned_by": [names.get(where, where) for where in branch.scenarios],
    }


def _rules(
    clause: Clause, runs: Runs, policy: Policy, names: dict[str, str], lang: Lang
) -> list[dict[str, Any]]:
    cover = {rule.rule: rule for rule in runs.coverage.rules}
    shown = []
    for rule in policy.rules:
        if clause.id not in rule.clauses:
            continue
        branches = [_branch(b, names, lang) for b in cover[rule.id].branches] if rule.id in cover else []
        shown.append(
            {
                "id": rule.id,
                "title": rule.title(lang),
                "violations": [b for b in branches if b["kind"] == "violation"],
                "undetermined": [b for b in branches if b["kind"] == "undetermined"],
                "compliant": plain_message(rule.compliant(lang)) if rule.compliant else "",
                "also": [c for c in rule.clauses if c != clause.id],
            }
        )
    return shown


def _scenarios(clause: Clause, runs: Runs, policy: Policy) -> list[dict[str, Any]]:
    shown = []
    for outcome in runs.outcomes:
        scenario = outcome.scenario
        if scenario.clause != clause.id:
            continue
        pins = []
        for expectation in scenario.expectations:
            target = target_clause(Question(outcome, expectation), policy)
            pins.append({"case": expectation.case, "clause": target, "verdict": expectation.verdict})
        shown.append(
            {
                "name": scenario.name,
                "where": f"{scenario.file}:{scenario.line}",
                "pins": pins,
                "holds": outcome.passed,
            }
        )
    return shown


def _clause(
    passage: Passage, item: ClauseCoverage, runs: Runs, policy: Policy, names: dict[str, str], lang: Lang
) -> dict[str, Any]:
    clause = item.clause
    parts: list[NotEncoded] = [part for part in policy.not_encoded if part.clause == clause.id]
    pieces: list[dict[str, Any]] = []
    numbered = 0
    for piece in segments(clause, parts):
        number, reason = None, ""
        if piece.not_encoded is not None:
            numbered += 1
            number, reason = numbered, _named(piece.not_encoded.reason(lang), policy, lang)
        pieces.append({"text": piece.text, "part": piece.not_encoded, "number": number, "reason": reason})
    readings = [
        {
            "id": reading.id,
            "question": _named(reading.question(lang), policy, lang),
            "reading": _named(reading.reading(lang), policy, lang),
            "alternative": _named(reading.alternative(lang), policy, lang),
        }
        for reading in _readings(clause, item, policy)
    ]
    return {
        "clause": clause,
        "marker": passage.marker,
        "status": item.status,
        "segments": pieces,
        "not_encoded": parts,
        "rules": _rules(clause, runs, policy, names, lang),
        "readings": readings,
        "waiver": _named(item.waiver(lang), policy, lang) if item.waiver is not None else None,
        "scenarios": _scenarios(clause, runs, policy),
    }


_CLAUSE_ID = re.compile(r"\bs[1-5]\.\d+(?:-[a-z][a-z0-9]*(?:-[a-z0-9]+)*)?")


def _named(text: str, policy: Policy, lang: Lang) -> str:
    """The policy's own notes name clauses by id (s1.1-office); in Chinese a reader sees the
    clause's number and title instead (一.1“设置不小于15平方米的办公场所”)."""
    if lang != "zh":
        return text
    clauses = policy.clause_by_id

    def label(match: re.Match[str]) -> str:
        clause = clauses.get(match.group(0))
        return f"{clause.label}“{clause.title}”" if clause else match.group(0)

    return _CLAUSE_ID.sub(label, text)


def book(request: Request) -> Response:
    lang = lang_of(request)
    policies: dict[str, Policy] = request.app.state.policies
    name = request.query_params.get("policy") or (
        "maojian" if "maojian" in policies else next(iter(policies), "")
    )
    if name not in policies:
        return page(
            request, "error.html", status=404, title="refused", message=("bad_policy", {"name": name[:60]})
        )
    policy = policies[name]
    runs = runs_of(policy)
    part = request.query_params.get("part", "")
    if part not in runs.parts:
        part = ""
    coverage = {item.clause.id: item for item in runs.coverage.clauses}
    names = {f"{o.scenario.file}:{o.scenario.line}": o.scenario.name for o in runs.outcomes}
    shown: list[dict[str, Any]] = []
    current = ""  # the part the passages are in: a passage before the first part belongs to none
    for passage in passages(policy):
        if passage.clause is not None:
            current = f"s{passage.clause.section}"
        elif passage.heading and passage.marker[0] in _NUMERALS:
            current = f"s{_NUMERALS.index(passage.marker[0]) + 1}"
        if part and current != part:
            continue
        if passage.clause is not None and passage.clause.id in coverage:
            shown.append(
                {"kind": "clause", **_clause(passage, coverage[passage.clause.id], runs, policy, names, lang)}
            )
        elif passage.non_normative is not None:
            shown.append(
                {
                    "kind": "heading" if passage.heading else "non_normative",
                    "marker": passage.marker,
                    "text": passage.text,
                    "reason": passage.non_normative.reason(lang),
                }
            )
        else:
            shown.append({"kind": "unaccounted", "marker": "", "text": passage.text})
    clauses_shown = [c for c in runs.coverage.clauses if not part or within(c.clause.id, part)]
    totals = {s: sum(c.status == s for c in clauses_shown) for s in ("encoded", "waived", "missing")}
    pinned, branches = runs.coverage.branch_totals()
    return page(
        request,
        "clauses_book.html",
        t=sayer(lang),
        policies=policies,
        policy=policy,
        chosen=name,
        parts=runs.parts,
        part=part,
        passages=shown,
        totals=totals,
        total=len(clauses_shown),
        pinned=pinned,
        branches=branches,
    )
