"""Sensitivity: what each alternative reading of the text would change on a ledger.

`iprules compare LEDGER --readings ID,…|all` checks the ledger once under the policy's own
readings, then once per reading with that reading alone on its alternative
(`Policy.under`, the `switch:` of policy.yaml), and lists, per case and clause, every verdict
that flips and from what to what. A clause's verdict on a case is its worst finding (违规, then
无法判定, then 合规), or none when no rule of the clause applies to the case; a flip to or from
none is "不适用" (a parameter can change which records a rule applies to). A reading whose
alternative changes nothing on this ledger says so; a reading whose alternative cannot be run
(`switch: none`, or no switch yet) is listed as not run, with the reason.

Each run is an ordinary check (`iprules.check.check_stream`): the same reading, validation,
rejections and audit date. A switched rule branch compiles another ruleset, which the engine
keeps per process (`Engine.for_policy`); each is released after its run, so `all` holds one
alternative's ruleset at a time besides the default.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from iprules.check import check_stream
from iprules.engine import Engine
from iprules.findings import VERDICT_ORDER
from iprules.i18n import Text, text
from iprules.policy.compile import compile_rules
from iprules.policy.load import Interpretation, Policy
from iprules.results import PackedFinding

Verdicts = dict[tuple[str, str], str]  # (case, clause) → verdict


class ReadingError(Exception):
    """A reading asked for that the policy does not have, or cannot run."""

    def __init__(self, words: Text) -> None:
        super().__init__(words.zh)
        self.words = words


class Flip(BaseModel):
    """One case's verdict on one clause, under the policy's reading and under the alternative
    (None: no rule of the clause applies to the case)."""

    case: str
    clause: str
    before: str | None
    after: str | None
    rules: list[str]  # the rules of the clause whose findings on the case changed


class ReadingEffect(BaseModel):
    """What one reading's alternative does to the ledger."""

    id: str
    clauses: list[str]
    question: Text
    alternative: Text
    runs: Text | None = None  # what exactly is run (the first of several alternatives, the values)
    run: bool
    not_run: Text | None = None  # why it was not run
    findings: dict[str, int] = {}  # verdict counts under the alternative
    flips: list[Flip] = []


class Comparison(BaseModel):
    """The sensitivity of one ledger's verdicts to the readings asked for (what a page renders)."""

    policy: str
    version: str
    as_of: dt.date
    ledgers: list[str]
    findings: dict[str, int]  # verdict counts under the policy's readings
    readings: list[ReadingEffect]

    @property
    def runnable(self) -> int:
        return sum(1 for effect in self.readings if effect.run)


def switch_reason(item: Interpretation) -> Text:
    """Why a reading's alternative cannot be run."""
    if item.switch is not None and item.switch.none is not None:
        return item.switch.none
    return text(
        "备选解读尚未写成可运行的形式（规则中还没有按此解读运行的情形）",
        "its alternative is not written in a runnable form yet (no rule runs it so far)",
    )


def _unknown(policy: Policy, name: str) -> ReadingError:
    near = difflib.get_close_matches(name, list(policy.interpretations), n=3, cutoff=0.5)
    hint = ("，是否指 " + "、".join(near) + "？") if near else ""
    hint_en = (f"; did you mean {', '.join(near)}?") if near else ""
    return ReadingError(
        text(
            f"政策中没有名为“{name}”的解释{hint}（iprules clauses 列出每个条款所依的解释）",
            f"the policy has no interpretation named '{name}'{hint_en} (iprules clauses lists each clause's readings)",
        )
    )


def _runnable(policy: Policy, name: str) -> str:
    item = policy.interpretations.get(name)
    if item is None:
        raise _unknown(policy, name)
    if not item.runnable:
        near = difflib.get_close_matches(
            name, [n for n, i in policy.interpretations.items() if i.runnable], n=3, cutoff=0.5
        )
        hint = ("；可运行的相近解释：" + "、".join(near)) if near else ""
        hint_en = (f"; runnable ones close to it: {', '.join(near)}") if near else ""
        reason = switch_reason(item)
        raise ReadingError(
            text(
                f"解释 {name} 的备选解读无法运行：{reason.zh}{hint}",
                f"the alternative of {name} cannot be run: {reason.en}{hint_en}",
            )
        )
    return name


def chosen_readings(policy: Policy, asked: Iterable[str]) -> frozenset[str]:
    """`--reading ID=alternative` (or `ID=reading`, the default, which switches nothing), each
    a runnable interpretation of the policy."""
    switched: set[str] = set()
    for item in asked:
        name, sep, side = item.partition("=")
        name = name.strip()
        side = side.strip() if sep else "alternative"
        if side not in ("alternative", "reading"):
            raise ReadingError(
                text(
                    f"--reading {item}：应写作 解释编号=alternative（按备选解读）或 解释编号=reading（按政策采用的解读，默认）",
                    f"--reading {item}: write ID=alternative (run the alternative) or ID=reading (the policy's own, the default)",
                )
            )
        _runnable(policy, name)
        if side == "alternative":
            switched.add(name)
        else:
            switched.discard(name)
    return frozenset(switched)


def readings_to_compare(policy: Policy, asked: str) -> list[str]:
    """`--readings ID,ID…` (each a known interpretation, runnable or not), or `all`."""
    if asked.strip() == "all":
        return list(policy.interpretations)
    names = [name.strip() for name in asked.split(",") if name.strip()]
    for name in names:
        if name not in policy.interpretations:
            raise _unknown(policy, name)
    if not names:
        raise ReadingError(
            text(
                "--readings 应列出解释编号（以逗号分隔）或写 all",
                "--readings takes interpretation ids (comma-separated) or all",
            )
        )
    return list(dict.fromkeys(names))


def _verdicts(
    findings: Iterable[PackedFinding], policy: Policy
) -> tuple[Verdicts, dict[tuple[str, str], str]]:
    """Per (case, clause) its worst verdict, and per (case, rule) a signature of its findings."""
    clauses = {rule.id: rule.clauses for rule in policy.rules}
    worst: Verdicts = {}
    by_rule: dict[tuple[str, str], list[str]] = {}
    for packed in findings:
        case, verdict, rule = packed[0], packed[1], packed[2]
        by_rule.setdefault((case, rule), []).append(verdict)
        for clause in clauses[rule]:
            known = worst.get((case, clause))
            if known is None or VERDICT_ORDER[verdict] < VERDICT_ORDER[known]:
                worst[(case, clause)] = verdict
    return worst, {key: ",".join(sorted(values)) for key, values in by_rule.items()}


def _run(
    paths: list[Path], policy: Policy, as_of: dt.date, jobs: int | None
) -> tuple[Verdicts, dict[tuple[str, str], str], dict[str, int]]:
    with check_stream(paths, policy, as_of, jobs) as checked:
        worst, by_rule = _verdicts(checked.findings(), policy)
        return worst, by_rule, dict(checked.head.summary.findings)


def _flips(
    policy: Policy,
    before: tuple[Verdicts, dict[tuple[str, str], str]],
    after: tuple[Verdicts, dict[tuple[str, str], str]],
) -> list[Flip]:
    rules_of: dict[str, list[str]] = {}
    for rule in policy.rules:
        for clause in rule.clauses:
            rules_of.setdefault(clause, []).append(rule.id)
    order = {clause.id: index for index, clause in enumerate(policy.clauses)}
    flips = []
    for case, clause in sorted(
        set(before[0]) | set(after[0]), key=lambda k: (k[0], order.get(k[1], 0), k[1])
    ):
        old, new = before[0].get((case, clause)), after[0].get((case, clause))
        if old == new:
            continue
        changed = [r for r in rules_of.get(clause, []) if before[1].get((case, r)) != after[1].get((case, r))]
        flips.append(Flip(case=case, clause=clause, before=old, after=new, rules=changed))
    return flips


def compare(
    paths: list[Path], policy: Policy, as_of: dt.date, readings: list[str], jobs: int | None = None
) -> Comparison:
    """Check `paths` under the policy's readings, then under each of `readings` alone on its
    alternative; see the module doc."""
    base_worst, base_rules, base_counts = _run(paths, policy, as_of, jobs)
    default_key = Engine.key(compile_rules(policy.rules))
    effects = []
    for name in readings:
        item = policy.interpretations[name]
        effect = ReadingEffect(
            id=name,
            clauses=list(item.clauses),
            question=item.question,
            alternative=item.alternative,
            runs=item.switch.runs if item.switch is not None else None,
            run=item.runnable,
        )
        if not item.runnable:
            effect.not_run = switch_reason(item)
            effects.append(effect)
            continue
        switched = policy.under(frozenset({name}))
        compiled = compile_rules(switched.rules)
        try:
            worst, by_rule, counts = _run(paths, switched, as_of, jobs)
        finally:
            if Engine.key(compiled) != default_key:
                Engine.release(compiled)
        effect.findings = counts
        effect.flips = _flips(policy, (base_worst, base_rules), (worst, by_rule))
        effects.append(effect)
    return Comparison(
        policy=policy.name,
        version=policy.version,
        as_of=as_of,
        ledgers=[str(path) for path in paths],
        findings=base_counts,
        readings=effects,
    )
