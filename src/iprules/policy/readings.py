"""Alternative readings as data: an interpretation's `switch:` says how its alternative runs.

Every named interpretation of policy.yaml has a reading (what the policy does) and an
alternative (what a reviewer might read instead). `switch:` makes the alternative something
`iprules check --reading ID=alternative` and `iprules compare` can run, in one of three ways
(several may be combined in one switch):

- `parameters:` — policy parameters the alternative sets (`service.prompt_working_days: 0`);
  a mapping value (such as `positions`) is merged key by key, as a variant's is;
- `rules:` — the rules whose branches are tagged with this reading in the rule files: an
  alternative with `only_reading: ID` is dropped when ID is switched, one with
  `only_alternative: ID` exists only then (and cites ID). Every finding of a listed rule cites
  ID while it is switched, so a verdict that turns 合规 says which reading made it so. With
  `parameters:` or `facts:`, a listed rule may carry no tag: its facts move with the reading
  (a period counted in facts code), and it is listed so that its findings cite the reading;
- `facts:` — the facts module (`first_inquiry`, `service`, …) whose code branches on this
  reading (`Reference.reads_alternative(ID)`), for a reading that lives in a derivation the
  engine cannot express. Only where it must: one `if` on a named reading.

`switch: {none: {zh, en}}` says why the alternative cannot be run (the case file must say, a
waiver of the clause, a record the ledger does not keep). An interpretation without `switch:`
has not been made runnable yet; `iprules clauses` and `iprules lint` count the three kinds.

Everything is checked when the policy loads: an unknown parameter, rule or facts module, a
tag no switch lists, a switch whose rule carries no tag — each a PolicyError with file:line
and the fix.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any

from iprules.i18n import Text
from iprules.policy.rules import Rule
from iprules.policy.yamlfile import Path_, PolicyError, YamlDocument

SWITCH_KEYS = ("parameters", "rules", "facts", "none", "runs")


@dataclass(frozen=True)
class Switch:
    """How an interpretation's alternative is run, or (`none`) why it cannot be."""

    file: str
    line: int
    parameters: dict[str, Any] = field(default_factory=dict)  # dotted path → value
    rules: tuple[str, ...] = ()
    facts: str = ""
    none: Text | None = None
    # what exactly is run, where the alternative's prose holds several alternatives (the first
    # is run) or its values need saying
    runs: Text | None = None

    @property
    def runnable(self) -> bool:
        return self.none is None


def _text(document: YamlDocument, path: Path_, value: Any) -> Text:
    if not isinstance(value, dict) or set(value) != {"zh", "en"}:
        raise document.error(path, "应写作 {zh: …, en: …}", "must be written {zh: …, en: …}")
    return Text(zh=str(value["zh"]), en=str(value["en"]))


def parse_switch(document: YamlDocument, where: Path_, value: Any) -> Switch:
    """An interpretation's `switch:` as written; the names in it are checked by `check_switches`."""
    path = (*where, "switch")
    line = document.line_of(path)
    if not isinstance(value, dict) or not value or set(value) - set(SWITCH_KEYS):
        raise document.error(
            path,
            "switch 应为映射，可有 parameters:（参数: 值）、rules:（规则编号列表）、facts:（事实模块名），"
            "或 none: {zh, en}（备选解读无法运行的理由）；runs: {zh, en} 可说明运行的是什么",
            "switch must be a mapping with parameters: (path: value), rules: (rule ids), facts: "
            "(a facts module), or none: {zh, en} (why the alternative cannot be run); runs: {zh, en} "
            "may say what is run",
        )
    runs = _text(document, (*path, "runs"), value["runs"]) if "runs" in value else None
    if "none" in value:
        if len(value) != 1:
            raise document.error(
                path,
                "switch 的 none: 不能与 parameters/rules/facts 同时出现",
                "switch's none: cannot stand with parameters/rules/facts",
            )
        return Switch(document.file, line, none=_text(document, (*path, "none"), value["none"]))
    parameters = value.get("parameters", {})
    if not isinstance(parameters, dict) or ("parameters" in value and not parameters):
        raise document.error(
            (*path, "parameters"),
            "switch.parameters 应为“参数路径: 值”的映射，如 service.prompt_working_days: 0",
            "switch.parameters must map a parameter path to a value, e.g. service.prompt_working_days: 0",
        )
    rules = value.get("rules", [])
    if (
        not isinstance(rules, list)
        or not all(isinstance(r, str) for r in rules)
        or ("rules" in value and not rules)
    ):
        raise document.error(
            (*path, "rules"),
            "switch.rules 应为规则编号的列表",
            "switch.rules must be a list of rule ids",
        )
    facts = value.get("facts", "")
    if not isinstance(facts, str):
        raise document.error(
            (*path, "facts"), "switch.facts 应为事实模块名", "switch.facts names a facts module"
        )
    if not parameters and not rules and not facts:
        raise document.error(
            path,
            "switch 须有 parameters、rules 或 facts 之一（或写 none: 理由）",
            "switch needs parameters, rules or facts (or none: a reason)",
        )
    return Switch(document.file, line, dict(parameters), tuple(rules), facts, runs=runs)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def check_parameters(name: str, switch: Switch, parameters: dict[str, Any]) -> None:
    """Each path of `switch.parameters` names a parameter the policy has, with a value of its kind."""
    for dotted, value in switch.parameters.items():
        current: Any = parameters
        for part in str(dotted).split("."):
            if not isinstance(current, dict) or part not in current:
                raise PolicyError(
                    switch.file,
                    switch.line,
                    f"解释 {name} 的 switch.parameters 中的“{dotted}”不是 policy.yaml 的参数：请写 parameters 下已有参数的路径，如 service.prompt_working_days",
                    f"'{dotted}' in the switch.parameters of {name} is not a parameter of policy.yaml: "
                    "write the path of an existing parameter, e.g. service.prompt_working_days",
                )
            current = current[part]
        if _kind(current) != _kind(value):
            raise PolicyError(
                switch.file,
                switch.line,
                f"解释 {name} 的 switch.parameters：“{dotted}”原为 {_kind(current)}，不能改为 {value!r}（{_kind(value)}）",
                f"the switch.parameters of {name}: '{dotted}' is a {_kind(current)}, it cannot become "
                f"{value!r} (a {_kind(value)})",
            )


def switched_parameters(parameters: dict[str, Any], switches: list[Switch]) -> dict[str, Any]:
    """The parameters with every switched alternative's values set (a mapping merged key by key)."""
    result = copy.deepcopy(parameters)
    for switch in switches:
        for dotted, value in switch.parameters.items():
            *parents, last = str(dotted).split(".")
            target = result
            for part in parents:
                target = target[part]
            if isinstance(value, dict):
                target[last] = {**target[last], **value}
            else:
                target[last] = copy.deepcopy(value)
    return result


def check_switches(
    switches: dict[str, Switch], rules: list[Rule], fact_readings: dict[str, str], facts_modules: set[str]
) -> None:
    """The names in every switch, and the rule files' tags, agree with each other."""
    by_id = {rule.id: rule for rule in rules}
    for name, switch in switches.items():
        for rule_id in switch.rules:
            rule = by_id.get(rule_id)
            if rule is None:
                raise PolicyError(
                    switch.file,
                    switch.line,
                    f"解释 {name} 的 switch.rules 中的规则“{rule_id}”不存在：请写规则文件中的规则编号",
                    f"the rule '{rule_id}' in the switch.rules of {name} does not exist: write a rule id of the rule files",
                )
            # with parameters or facts, a listed rule may carry no tag: its facts move with the
            # reading, and it is listed so that its findings cite the reading while switched
            tagged = any(name in (a.only_reading, a.only_alternative) for a in rule.alternatives)
            if not tagged and not (switch.parameters or switch.facts):
                raise PolicyError(
                    switch.file,
                    switch.line,
                    f"解释 {name} 的 switch.rules 列了规则 {rule_id}，但该规则（{rule.file}:{rule.line}）没有标 "
                    f"only_reading: {name} 或 only_alternative: {name} 的情形：请在规则中标出随此解读变化的情形，或从 rules 中删去它",
                    f"the switch.rules of {name} lists rule {rule_id}, but that rule ({rule.file}:{rule.line}) has no "
                    f"alternative tagged only_reading: {name} or only_alternative: {name}: tag the alternatives "
                    "that change with this reading, or drop the rule from the list",
                )
        if switch.facts:
            if switch.facts not in facts_modules:
                raise PolicyError(
                    switch.file,
                    switch.line,
                    f"解释 {name} 的 switch.facts：没有事实模块“{switch.facts}”；可用：{'、'.join(sorted(facts_modules))}",
                    f"the switch.facts of {name}: no facts module '{switch.facts}'; known: {', '.join(sorted(facts_modules))}",
                )
            if fact_readings.get(name) != switch.facts:
                raise PolicyError(
                    switch.file,
                    switch.line,
                    f"解释 {name} 的 switch.facts 写的是 {switch.facts}，但该模块的代码不按此解读分支"
                    f"（其 READINGS 中没有 {name}）：请写实现此解读的事实模块",
                    f"the switch.facts of {name} names {switch.facts}, but that module's code does not branch "
                    f"on this reading (its READINGS lacks {name}): name the module that implements it",
                )
    for rule in rules:
        for alternative in rule.alternatives:
            tag = alternative.only_reading or alternative.only_alternative
            if tag and rule.id not in (switches[tag].rules if tag in switches else ()):
                key = "only_reading" if alternative.only_reading else "only_alternative"
                raise PolicyError(
                    rule.file,
                    alternative.line,
                    f"情形 {alternative.branch} 标了 {key}: {tag}，但 policy.yaml 中解释 {tag} 的 switch.rules 没有列出规则 {rule.id}："
                    "请在该解释的 switch: {rules: [...]} 中加上它",
                    f"alternative {alternative.branch} is tagged {key}: {tag}, but the switch.rules of "
                    f"interpretation {tag} in policy.yaml does not list rule {rule.id}: add it to that "
                    "interpretation's switch: {rules: [...]}",
                )


def under(rule: Rule, switched: frozenset[str], switches: dict[str, Switch]) -> Rule:
    """The rule as it runs with `switched` readings on their alternative: branches tagged
    `only_reading` of a switched reading dropped, `only_alternative` ones kept only when theirs
    is switched (each alternative keeps its index in the file, so the others' names stay)."""
    kept = tuple(
        alternative
        for alternative in rule.alternatives
        if alternative.only_reading not in switched
        and (not alternative.only_alternative or alternative.only_alternative in switched)
    )
    cited = rule.interpretations + tuple(
        name
        for name in sorted(switched)
        if rule.id in switches[name].rules and name not in rule.interpretations
    )
    if kept == rule.alternatives and cited == rule.interpretations:
        return rule
    return dataclasses.replace(rule, alternatives=kept, interpretations=cited)
