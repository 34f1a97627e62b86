"""Rule files: the closed vocabulary a legal reviewer reads, parsed into plain values.

A rule says which facts make it apply (`applies`), which make it a violation
(`violations`, alternatives) and which leave it undetermined (`undetermined`). A pattern
names a fact type and conditions on fields; `$alias.field` joins to an earlier pattern,
`$policy.path` takes a parameter, and `absent: true` means "no such fact" (judged once the
whole case is in). Everything is checked here — unknown keys, operators, fact types,
fields, clause ids, aliases, template placeholders — each error with file:line and a fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from iprules.facts import FACT_TYPES, field_spec
from iprules.i18n import Text
from iprules.policy.yamlfile import Path_, YamlDocument

Scalar = str | int | float | bool
OPERATORS = ("eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in", "exists", "matches", "contains_any")
_ORDER_OPS = ("lt", "lte", "gt", "gte")
_ALIAS = re.compile(r"^[a-z][a-z0-9_]*$")
_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\}")
RULE_KEYS = {"id", "clause", "title", "applies", "violations", "undetermined", "compliant", "interpretations"}
ALTERNATIVE_KEYS = {
    "when",
    "message",
    "name",
    "interpretations",
    "deadline",
    "only_reading",
    "only_alternative",
}
_BRANCH_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
COMPLIANT_BRANCH = "compliant"


@dataclass(frozen=True)
class Ref:
    """`$alias.field`: the value of a field of an earlier pattern's fact."""

    alias: str
    field: str


Value = Scalar | Ref | tuple[Scalar, ...]


@dataclass(frozen=True)
class Test:
    field: str
    op: str
    value: Value


@dataclass(frozen=True)
class Pattern:
    alias: str
    fact_type: str
    tests: tuple[Test, ...]
    absent: bool
    line: int


@dataclass(frozen=True)
class Alternative:
    kind: str  # "violation" or "undetermined"
    index: int
    patterns: tuple[Pattern, ...]  # refinements of applies patterns are merged in
    message: Text
    line: int
    name: str = ""  # the optional `name:`; the index is used when there is none
    interpretations: tuple[str, ...] = ()  # readings this alternative alone relies on
    # `deadline: clause` or `deadline: <interpretation>`: this violation is the duty's period
    # passing with the duty not done, and the rule's 合规 means it was done within the period;
    # the period is the clause's own time limit, or the one that named reading gives an open
    # word such as 及时 (the rollups' on-time rate, iprules.rollup)
    # done; the rollups' on-time rate counts it as late (iprules.rollup)
    deadline: str = ""
    # the branch exists only under the reading of this interpretation (dropped when it is
    # switched to its alternative), or only under its alternative (iprules.policy.readings)
    only_reading: str = ""
    only_alternative: str = ""

    @property
    def branch(self) -> str:
        """The stable name of this alternative in findings and coverage: `violation:late`,
        or `undetermined:0` (its index in its list) when the rule gives it no name."""
        return f"{self.kind}:{self.name or self.index}"


@dataclass(frozen=True)
class Rule:
    id: str
    clauses: tuple[str, ...]
    title: Text
    interpretations: tuple[str, ...]
    applies: tuple[Pattern, ...]
    alternatives: tuple[Alternative, ...]
    compliant: Text | None
    file: str
    line: int


@dataclass(frozen=True)
class RuleContext:
    """What rule files are checked against."""

    clause_ids: frozenset[str]
    parameters: dict[str, Any]
    interpretations: frozenset[str]


def parse_rule_file(document: YamlDocument, context: RuleContext) -> list[Rule]:
    value = document.value
    if not isinstance(value, dict) or set(value) - {"rules"} or not isinstance(value.get("rules"), list):
        raise document.error(
            (), "规则文件的顶层应为“rules:”列表", "a rule file's top level must be a 'rules:' list"
        )
    return [
        _parse_rule(document, ("rules", index), item, context) for index, item in enumerate(value["rules"])
    ]


def _text(document: YamlDocument, path: Path_, value: Any, what: str) -> Text:
    if (
        not isinstance(value, dict)
        or set(value) != {"zh", "en"}
        or not all(isinstance(v, str) for v in value.values())
    ):
        raise document.error(
            path,
            f"{what}应写作 {{zh: 中文, en: English}}",
            f"{what} must be written {{zh: 中文, en: English}}",
        )
    return Text(zh=value["zh"], en=value["en"])


_POLICY_PLACEHOLDER = re.compile(r"\{policy\.([a-z0-9_.]+)\}")


def _with_parameters(document: YamlDocument, path: Path_, words: Text, context: RuleContext) -> Text:
    """`{policy.path}` in a title or message is the parameter's value, filled in when the
    policy loads, so a variant that overrides the parameter also gets the right words."""

    def fill(language: str) -> str:
        def one(match: re.Match[str]) -> str:
            value = _resolve(document, path, f"$policy.{match.group(1)}", {}, context)
            if isinstance(value, tuple):
                return ("、" if language == "zh" else ", ").join(str(v) for v in value)
            return str(value)

        return _POLICY_PLACEHOLDER.sub(one, words.zh if language == "zh" else words.en)

    return Text(zh=fill("zh"), en=fill("en"))


def _parse_rule(document: YamlDocument, path: Path_, item: Any, context: RuleContext) -> Rule:
    if not isinstance(item, dict):
        raise document.error(path, "每条规则应为一个映射", "each rule must be a mapping")
    unknown = set(item) - RULE_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise document.error(
            (*path, key),
            f"未知的键“{key}”；可用的键：{'、'.join(sorted(RULE_KEYS))}",
            f"unknown key '{key}'; allowed keys: {', '.join(sorted(RULE_KEYS))}",
        )
    for required in ("id", "clause", "title", "applies", "violations"):
        if required not in item:
            raise document.error(path, f"规则缺少“{required}”", f"rule lacks '{required}'")
    rule_id = item["id"]
    if not isinstance(rule_id, str) or not _RULE_ID.match(rule_id):
        raise document.error(
            (*path, "id"),
            "规则编号只能用小写字母、数字、点和连字符",
            "rule ids use lowercase letters, digits, dots and hyphens",
        )
    clauses = item["clause"] if isinstance(item["clause"], list) else [item["clause"]]
    for clause in clauses:
        if clause not in context.clause_ids:
            close = sorted(c for c in context.clause_ids if str(clause).split("-")[0] in c)[:5]
            raise document.error(
                (*path, "clause"),
                f"未知的条款编号“{clause}”；相近的有：{'、'.join(close) or '无'}（条款在 features/ 中定义）",
                f"unknown clause id '{clause}'; close ones: {', '.join(close) or 'none'} (clauses are defined in features/)",
            )
    interpretations = _interpretations(document, (*path, "interpretations"), item, context)
    applies = _parse_patterns(document, (*path, "applies"), item["applies"], {}, context, allow_refine=False)
    if any(pattern.absent for pattern in applies):
        raise document.error(
            (*path, "applies"), "applies 中不能使用 absent", "'absent' cannot be used in applies"
        )
    known = {pattern.alias: pattern for pattern in applies}
    alternatives: list[Alternative] = []
    for kind, key in (("violation", "violations"), ("undetermined", "undetermined")):
        entries = item.get(key, [])
        if not isinstance(entries, list) or (kind == "violation" and not entries):
            raise document.error((*path, key), f"{key} 应为非空列表", f"{key} must be a non-empty list")
        for index, entry in enumerate(entries):
            alternative = _parse_alternative(
                document, (*path, key, index), kind, index, entry, known, context
            )
            if any(other.branch == alternative.branch for other in alternatives):
                raise document.error(
                    (*path, key, index, "name"),
                    f"同一规则中情形名称“{alternative.name}”重复：每个情形的名称应唯一",
                    f"alternative name '{alternative.name}' is used twice in this rule: each must be unique",
                )
            alternatives.append(alternative)
    compliant = (
        _with_parameters(
            document,
            (*path, "compliant"),
            _text(document, (*path, "compliant"), item["compliant"], "compliant"),
            context,
        )
        if "compliant" in item
        else None
    )
    return Rule(
        id=rule_id,
        clauses=tuple(clauses),
        title=_with_parameters(
            document, (*path, "title"), _text(document, (*path, "title"), item["title"], "title"), context
        ),
        interpretations=tuple(interpretations),
        applies=applies,
        alternatives=tuple(alternatives),
        compliant=compliant,
        file=document.file,
        line=document.line_of(path),
    )


def _interpretations(
    document: YamlDocument, path: Path_, item: dict[str, Any], context: RuleContext
) -> tuple[str, ...]:
    """A rule's or an alternative's `interpretations:`, each a name from policy.yaml."""
    names = item.get("interpretations", [])
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise document.error(
            path, "interpretations 应为解释名称的列表", "interpretations must be a list of names"
        )
    for name in names:
        if name not in context.interpretations:
            close = sorted(known for known in context.interpretations if name.split("-")[0] in known)[:5]
            raise document.error(
                path,
                f"policy.yaml 中没有名为“{name}”的解释；相近的有：{'、'.join(close) or '无'}",
                f"no interpretation named '{name}' in policy.yaml; close ones: {', '.join(close) or 'none'}",
            )
    if len(set(names)) != len(names):
        raise document.error(path, "同一解释列了两次", "an interpretation is listed twice")
    return tuple(names)


def _parse_alternative(
    document: YamlDocument,
    path: Path_,
    kind: str,
    index: int,
    entry: Any,
    applies: dict[str, Pattern],
    context: RuleContext,
) -> Alternative:
    if (
        not isinstance(entry, dict)
        or set(entry) - ALTERNATIVE_KEYS
        or "when" not in entry
        or "message" not in entry
    ):
        raise document.error(
            path,
            "每个情形应有 when: 和 message:，另可有 name:、interpretations:、deadline:、only_reading: 或 only_alternative:",
            "each alternative needs 'when:' and 'message:', and may have 'name:', 'interpretations:', 'deadline:', 'only_reading:' or 'only_alternative:'",
        )
    deadline = entry.get("deadline", "")
    if not isinstance(deadline, str) or (deadline and kind != "violation"):
        raise document.error(
            (*path, "deadline"),
            "deadline: 写 clause（时限由条款规定）或给出期限的解释名称，且只用于违规情形（期限已过而义务未履行）",
            "deadline: takes 'clause' (the clause sets the period) or the name of the interpretation that "
            "gives the period, and only on a violation alternative (the period passed with the duty not done)",
        )
    if deadline not in ("", "clause") and deadline not in context.interpretations:
        raise document.error(
            (*path, "deadline"),
            f"deadline: policy.yaml 中没有名为“{deadline}”的解释：写 clause，或给出期限的解释名称",
            f"deadline: no interpretation named '{deadline}' in policy.yaml: write 'clause' or the "
            "interpretation that gives the period",
        )
    branch_name = entry.get("name", "")
    if "name" in entry and (not isinstance(branch_name, str) or not _BRANCH_NAME.match(branch_name)):
        raise document.error(
            (*path, "name"),
            f"情形名称 name: {branch_name!r} 应以小写字母开头，只用小写字母、数字和连字符，如 late-notice",
            f"an alternative's name: {branch_name!r} must start with a lowercase letter and use lowercase letters, digits and hyphens, e.g. late-notice",
        )
    interpretations = _interpretations(document, (*path, "interpretations"), entry, context)
    only_reading, only_alternative = _reading_tag(document, path, entry, branch_name, context)
    if only_alternative and only_alternative not in interpretations:
        interpretations += (only_alternative,)  # a finding it decides used the switched reading
    extra = _parse_patterns(document, (*path, "when"), entry["when"], applies, context, allow_refine=True)
    refined = {pattern.alias: pattern for pattern in extra if pattern.alias in applies}
    patterns = [refined.get(alias, pattern) for alias, pattern in applies.items()]
    patterns += [pattern for pattern in extra if pattern.alias not in applies]
    message = _with_parameters(
        document,
        (*path, "message"),
        _text(document, (*path, "message"), entry["message"], "message"),
        context,
    )
    scope = {pattern.alias: pattern for pattern in patterns}
    for language in (message.zh, message.en):
        for alias, name in _PLACEHOLDER.findall(language):
            pattern = scope.get(alias)
            if pattern is None or pattern.absent:
                raise document.error(
                    (*path, "message"),
                    f"消息中的 {{{alias}.{name}}} 指向未知或 absent 的别名",
                    f"{{{alias}.{name}}} in the message names an unknown or absent alias",
                )
            if field_spec(pattern.fact_type, name) is None:
                raise document.error(
                    (*path, "message"),
                    f"消息中的 {{{alias}.{name}}}：{pattern.fact_type} 没有字段 {name}",
                    f"{{{alias}.{name}}} in the message: {pattern.fact_type} has no field {name}",
                )
    return Alternative(
        kind=kind,
        index=index,
        patterns=tuple(patterns),
        message=message,
        line=document.line_of(path),
        name=branch_name,
        interpretations=interpretations,
        deadline=deadline,
        only_reading=only_reading,
        only_alternative=only_alternative,
    )


def _reading_tag(
    document: YamlDocument, path: Path_, entry: dict[str, Any], name: str, context: RuleContext
) -> tuple[str, str]:
    """`only_reading: ID` / `only_alternative: ID`: an interpretation of policy.yaml, at most one
    of the two. A branch keeps its index in the file whether the others are kept or dropped, so
    an unnamed one may be tagged too (add new `only_alternative` ones at the end of their list,
    or named, so the default's branch names stay as they were)."""
    tags = [key for key in ("only_reading", "only_alternative") if key in entry]
    if not tags:
        return "", ""
    key = tags[0]
    if len(tags) > 1:
        raise document.error(
            (*path, key),
            "一个情形只能标 only_reading 或 only_alternative 之一",
            "an alternative takes only_reading or only_alternative, not both",
        )
    value = entry[key]
    if not isinstance(value, str) or value not in context.interpretations:
        close = sorted(k for k in context.interpretations if str(value).split("-")[0] in k)[:5]
        raise document.error(
            (*path, key),
            f"{key}: policy.yaml 中没有名为“{value}”的解释；相近的有：{'、'.join(close) or '无'}",
            f"{key}: no interpretation named '{value}' in policy.yaml; close ones: {', '.join(close) or 'none'}",
        )
    return (value, "") if key == "only_reading" else ("", value)


def _parse_patterns(
    document: YamlDocument,
    path: Path_,
    value: Any,
    earlier: dict[str, Pattern],
    context: RuleContext,
    allow_refine: bool,
) -> tuple[Pattern, ...]:
    if not isinstance(value, dict) or not value:
        raise document.error(path, "应为“别名: 模式”的映射", "must be a mapping of 'alias: pattern'")
    scope = dict(earlier)
    result: list[Pattern] = []
    for alias, body in value.items():
        where = (*path, alias)
        if not _ALIAS.match(alias):
            raise document.error(
                where, f"别名“{alias}”应为小写英文标识符", f"alias '{alias}' must be a lowercase identifier"
            )
        if not isinstance(body, dict):
            raise document.error(
                where, "模式应为字段条件的映射", "a pattern must be a mapping of field conditions"
            )
        base = earlier.get(alias)
        refining = base is not None and alias not in {p.alias for p in result}
        if refining and not allow_refine:
            raise document.error(where, f"别名“{alias}”重复", f"alias '{alias}' is used twice")
        if refining:
            assert base is not None
            fact_type = base.fact_type
            if "type" in body and body["type"] != fact_type:
                raise document.error(
                    (*where, "type"),
                    f"“{alias}”已是 {fact_type} 类型",
                    f"'{alias}' is already of type {fact_type}",
                )
        else:
            fact_type = str(body.get("type"))
            if fact_type not in FACT_TYPES:
                raise document.error(
                    (*where, "type"),
                    f"未知的事实类型“{fact_type}”；可用：{'、'.join(FACT_TYPES)}",
                    f"unknown fact type '{fact_type}'; known: {', '.join(FACT_TYPES)}",
                )
        absent = body.get("absent", False)
        if not isinstance(absent, bool) or (refining and absent):
            raise document.error(
                (*where, "absent"), "absent 只能是 true/false", "absent must be true or false"
            )
        tests = list(base.tests) if refining and base else []
        for name, condition in body.items():
            if name in ("type", "absent"):
                continue
            if field_spec(fact_type, name) is None:
                fields = sorted(FACT_TYPES[fact_type].fields)
                raise document.error(
                    (*where, name),
                    f"{fact_type} 没有字段“{name}”；可用字段：{'、'.join(fields)}",
                    f"{fact_type} has no field '{name}'; its fields: {', '.join(fields)}",
                )
            tests += _parse_condition(document, (*where, name), name, condition, scope, context)
        pattern = Pattern(alias, fact_type, tuple(tests), absent, document.line_of(where))
        result.append(pattern)
        scope[alias] = pattern
    return tuple(result)


def _resolve(
    document: YamlDocument, path: Path_, value: Any, scope: dict[str, Pattern], context: RuleContext
) -> Value:
    if isinstance(value, str) and value.startswith("$policy."):
        current: Any = context.parameters
        for part in value[len("$policy.") :].split("."):
            if not isinstance(current, dict) or part not in current:
                raise document.error(
                    path,
                    f"policy.yaml 的 parameters 中没有 {value}",
                    f"{value} is not among policy.yaml's parameters",
                )
            current = current[part]
        if isinstance(current, list) and all(isinstance(v, str | int | float | bool) for v in current):
            return tuple(current)
        if isinstance(current, str | int | float | bool):
            return current
        raise document.error(
            path, f"{value} 不是单个值或值的列表", f"{value} is not a value or a list of values"
        )
    if isinstance(value, str) and value.startswith("$"):
        alias, _, name = value[1:].partition(".")
        pattern = scope.get(alias)
        if pattern is None or pattern.absent:
            raise document.error(
                path,
                f"{value}：别名“{alias}”须是前面出现过的（非 absent）模式",
                f"{value}: '{alias}' must be an earlier (not absent) pattern",
            )
        if field_spec(pattern.fact_type, name) is None:
            raise document.error(
                path,
                f"{value}：{pattern.fact_type} 没有字段“{name}”",
                f"{value}: {pattern.fact_type} has no field '{name}'",
            )
        return Ref(alias, name)
    if isinstance(value, list):
        if not value or not all(isinstance(v, str | int | float | bool) for v in value):
            raise document.error(
                path, "列表应为非空的值列表", "a list must hold plain values and not be empty"
            )
        return tuple(value)
    if isinstance(value, str | int | float | bool):
        return value
    raise document.error(path, f"不支持的值 {value!r}", f"unsupported value {value!r}")


def _parse_condition(
    document: YamlDocument,
    path: Path_,
    name: str,
    condition: Any,
    scope: dict[str, Pattern],
    context: RuleContext,
) -> list[Test]:
    if not isinstance(condition, dict):
        value = _resolve(document, path, condition, scope, context)
        if isinstance(value, tuple):
            raise document.error(path, "多个值请用 in: [...]", "for several values use in: [...]")
        return [Test(name, "eq", value)]
    tests = []
    for op, raw in condition.items():
        where = (*path, op)
        if op not in OPERATORS:
            raise document.error(
                where,
                f"未知的运算符“{op}”；可用：{'、'.join(OPERATORS)}",
                f"unknown operator '{op}'; known: {', '.join(OPERATORS)}",
            )
        value = _resolve(document, where, raw, scope, context)
        if op == "exists" and not isinstance(value, bool):
            raise document.error(where, "exists 的值应为 true 或 false", "exists takes true or false")
        if op in ("in", "not_in", "contains_any") and not isinstance(value, tuple):
            raise document.error(where, f"{op} 的值应为列表", f"{op} takes a list")
        if op not in ("in", "not_in", "contains_any") and isinstance(value, tuple):
            raise document.error(where, f"{op} 的值应为单个值", f"{op} takes a single value")
        if op in ("matches", "contains_any") and isinstance(value, Ref):
            raise document.error(where, f"{op} 不能引用其他事实", f"{op} cannot refer to another fact")
        if op in _ORDER_OPS and isinstance(value, str | bool):
            raise document.error(where, f"{op} 只能比较数字", f"{op} compares numbers only")
        tests.append(Test(name, op, value))
    return tests
