"""A policy diff as the reader sees it: text (Chinese by default) and JSON.

In Chinese, items are named in the document's words — a clause by its label and title (二（五）
…), a rule by its title, a branch by its place (违规情形第2条), a reading by its question —
never by internal ids. A parameter has no name of its own in the policy (its description is a
comment in policy.yaml), so it is shown by its path, a technical reference, with the clauses
and rules that read it.
"""

from __future__ import annotations

import difflib
from dataclasses import asdict
from typing import Any

import yaml

from iprules.diff import Diff, Item
from iprules.facts.base import ORGS, ROLES
from iprules.i18n import VERDICT_WORDS, Lang, Text, text
from iprules.policy.changes import AREAS, Change, PolicyDiff, PolicySide, branch_place, written_rules
from iprules.policy.clauses import clause_label

POLICY_DIFF_FORMAT = "iprules-policy-diff/1"

AREA_WORDS: dict[str, Text] = {
    "policy": text("政策", "Policy"),
    "clause": text("条款原文", "Clause texts"),
    "rule": text("规则", "Rules"),
    "parameter": text("参数", "Parameters"),
    "calendar": text("日历年份（工作日数据）", "Calendar years (working-day data)"),
    "interpretation": text("解释（对开放文字的解读）", "Interpretations (readings of open text)"),
    "waiver": text("豁免", "Waivers"),
    "not_encoded": text("未编码的部分", "Parts no rule checks"),
    "non_normative": text("不设义务的文字", "Passages that impose no obligation"),
}
KIND_WORDS: dict[str, Text] = {
    "added": text("新增", "added"),
    "removed": text("删除", "removed"),
    "changed": text("修改", "changed"),
}
PART_WORDS: dict[str, Text] = {
    "title": text("标题", "title"),
    "issuer": text("发文机关", "issuer"),
    "text": text("原文", "text"),
    "text_en": text("译文", "English rendering"),
    "clause": text("所属条款", "clauses"),
    "clauses": text("所属条款", "clauses"),
    "interpretations": text("引用的解释", "readings cited"),
    "applies": text("适用条件", "applies"),
    "compliant": text("合规说明", "compliant message"),
    "message": text("说明", "message"),
    "when": text("条件", "condition"),
    "branch": text("情形", "branch"),
    "question": text("问题", "question"),
    "reading": text("本局的解读", "reading"),
    "alternative": text("另一种解读", "alternative"),
    "value": text("内容", "value"),
    "part": text("部分", "part"),
    "reason": text("理由", "reason"),
}


class _Names:
    """How each item is named, from whichever side has it (the later side first)."""

    def __init__(self, diff: PolicyDiff) -> None:
        self.sides = (diff.after, diff.before)
        self.written = [written_rules(side.policy) for side in self.sides]

    def clause(self, clause_id: str, lang: Lang) -> str:
        for side in self.sides:
            clause = side.policy.clause_by_id.get(clause_id)
            if clause is not None:
                return f"{clause.label} {clause.title}" if lang == "zh" else f"{clause_id} ({clause.label})"
        return clause_label(clause_id) if lang == "zh" else clause_id

    def rule(self, rule_id: str, lang: Lang) -> str:
        for side in self.sides:
            for rule in side.policy.rules:
                if rule.id == rule_id:
                    labels = "、".join(clause_label(c) for c in rule.clauses)
                    return f"{labels}「{rule.title.zh}」" if lang == "zh" else f"{rule_id} ({rule.title.en})"
        return rule_id

    def branch(self, rule_id: str, branch: str, lang: Lang) -> str:
        kind = branch.split(":", 1)[0]
        for written in self.written:
            if rule_id in written:
                try:
                    place = branch_place(written[rule_id], branch)
                except ValueError:
                    continue
                if lang == "zh":
                    return f"{'违规情形' if kind == 'violation' else '无法判定情形'}第{place + 1}条"
                return f"{branch} ({kind} alternative {place + 1})"
        return branch

    def interpretation(self, name: str, lang: Lang) -> str:
        for side in self.sides:
            item = side.policy.interpretations.get(name)
            if item is not None:
                labels = "、".join(clause_label(c) for c in item.clauses)
                return f"{labels}：{item.question.zh}" if lang == "zh" else f"{name}: {item.question.en}"
        return name

    def key(self, change: Change, lang: Lang) -> str:
        if change.area == "clause" or change.area == "waiver":
            return self.clause(change.key, lang)
        if change.area == "rule":
            return self.rule(change.key, lang)
        if change.area == "interpretation":
            return self.interpretation(change.key, lang)
        if change.area == "not_encoded":
            clause, part = change.key.split("\0", 1)
            return f"{self.clause(clause, lang)}：“{part}”"
        if change.area == "policy":
            return PART_WORDS[change.key](lang)
        if change.area == "calendar":
            return f"{change.key}年" if lang == "zh" else change.key
        return change.key


def shown(value: Any, lang: Lang) -> str:
    """A plain value in one line: a {zh, en} text in its language, a list joined, a mapping as
    the rule files write it (YAML flow style)."""
    if value is None:
        return "（无）" if lang == "zh" else "(none)"
    if isinstance(value, dict) and set(value) == {"zh", "en"}:
        return str(value[lang])
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return ("、" if lang == "zh" else ", ").join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
        return dumped.strip().removesuffix("...").strip()
    return str(value)


def marked(before: str, after: str, lang: Lang) -> str:
    """The later text with what was deleted and inserted marked in place."""
    out = []
    gone, added = ("［删：", "［增：") if lang == "zh" else ("[-", "[+")
    close = "］" if lang == "zh" else "]"
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(after[j1:j2])
            continue
        if i2 > i1:
            out.append(f"{gone}{before[i1:i2]}{close}")
        if j2 > j1:
            out.append(f"{added}{after[j1:j2]}{close}")
    return "".join(out)


def _side_line(side: PolicySide, lang: Lang) -> str:
    if lang == "zh":
        return f"{side.label}（政策 {side.name}，版本 {side.version}）"
    return f"{side.label} (policy {side.name}, version {side.version})"


def _part(change: Change, names: _Names, lang: Lang) -> str:
    """Which part of the item changed, in words: 违规情形第2条的条件（inspection）…"""
    zh = lang == "zh"
    words = []
    if change.branch:
        words.append(names.branch(change.key, change.branch, lang))
    if change.part and change.part != "branch":
        words.append(PART_WORDS.get(change.part, text(change.part, change.part))(lang))
    joined = ("的" if zh else " ").join(words)
    if change.condition:
        joined += f"（{change.condition}）" if zh else f" ({change.condition})"
    return joined


def _change_lines(change: Change, names: _Names, lang: Lang) -> list[str]:
    zh = lang == "zh"
    colon = "：" if zh else ": "
    kind = KIND_WORDS[change.kind](lang)
    part = _part(change, names, lang)
    head = f"    {kind}{(' ' + part) if part else ''}"

    def value(item: Any) -> str:
        return _parameter_value(change.key, item, lang) if change.area == "parameter" else shown(item, lang)

    if change.kind == "added":
        return [f"{head}{colon}{value(change.after)}"]
    if change.kind == "removed":
        return [f"{head}{colon}{value(change.before)}"]
    lines = [f"{head}{colon}{value(change.before)} → {value(change.after)}"]
    if change.area == "clause" and change.part == "text":
        lines = [
            f"{head}{colon}",
            f"      {'原：' if zh else 'was: '}{change.before}",
            f"      {'现：' if zh else 'now: '}{change.after}",
            f"      {'改动：' if zh else 'edit: '}{marked(str(change.before), str(change.after), lang)}",
        ]
    return lines


def render_policy_diff(diff: PolicyDiff, lang: Lang, flips: Diff | None = None) -> str:
    zh = lang == "zh"
    names = _Names(diff)
    counts = diff.counts()
    lines = [
        ("比较政策：" if zh else "Comparing policies: ") + _side_line(diff.before, lang),
        ("      → " if zh else "                 → ") + _side_line(diff.after, lang),
        ("，" if zh else ", ").join(
            f"{KIND_WORDS[k](lang)} {counts[k]}" for k in ("added", "removed", "changed")
        )
        + ("（按项目计）" if zh else " (items)"),
    ]
    if not diff.changes:
        lines.append(
            "两个政策的条款、规则、参数、解释和豁免完全相同" if zh else "The two policies are the same"
        )
    for area in AREAS:
        changes = diff.in_area(area)
        if not changes:
            continue
        lines += ["", f"{AREA_WORDS[area](lang)}{'：' if zh else ':'}"]
        if area == "parameter":
            lines.append(f"  {PARAMETER_NOTE(lang)}")
        current = None
        for change in changes:
            if change.key != current:
                current = change.key
                lines.append(f"  {names.key(change, lang)}")
                if area == "parameter":
                    lines += _readers(diff, change.key, names, lang)
            lines += _change_lines(change, names, lang)
    if flips is not None:
        lines += ["", *render_flips(flips, names, lang)]
    return "\n".join(lines) + "\n"


PARAMETER_NOTE = text(
    "（参数以其在 policy.yaml 中的路径标识——这是技术标识：政策未给参数另起中文名称，其含义写在 policy.yaml 的注释中）",
    "(parameters are named by their path in policy.yaml, a technical reference: the policy gives them no "
    "other name; what each means is in the comments of policy.yaml)",
)


def _readers(diff: PolicyDiff, path: str, names: _Names, lang: Lang) -> list[str]:
    rules = [rule for read, found in diff.readers.items() if _reads(path, read) for rule in found]
    if not rules:
        return [
            "    规则文件未直接引用此参数：由台账记录推导事实时使用"
            if lang == "zh"
            else "    no rule file names it: the facts derived from the records use it"
        ]
    shown_rules = ("；" if lang == "zh" else "; ").join(
        dict.fromkeys(names.rule(rule, lang) for rule in rules)
    )
    return [f"    {'使用此参数的规则：' if lang == 'zh' else 'read by: '}{shown_rules}"]


def _unit(value: Any, lang: Lang) -> str | None:
    """A unit of the policy's list in words: its organisation and role are codes of the
    policy file, shown as the vocabulary's words (区局, 局办公室 …)."""
    if not (isinstance(value, dict) and {"org", "role"} <= set(value)):
        return None
    org, role = ORGS.get(value["org"]), ROLES.get(value["role"])
    if lang == "zh":
        parts = [
            f"所属：{org.zh if org else value['org']}"
            + (f"（{value['bureau']}）" if value.get("bureau") else "")
        ]
        parts.append(f"类别：{role.zh if role else value['role']}")
        if value.get("en"):
            parts.append(f"英文名：{value['en']}")
        return "；".join(parts)
    parts = [
        f"organisation: {org.en if org else value['org']}"
        + (f" ({value['bureau']})" if value.get("bureau") else "")
    ]
    parts.append(f"role: {role.en if role else value['role']}")
    if value.get("en"):
        parts.append(f"English name: {value['en']}")
    return "; ".join(parts)


def _parameter_value(path: str, value: Any, lang: Lang) -> str:
    if path.startswith("units."):
        unit = _unit(value, lang)
        if unit is not None:
            return unit
        words = {"org": ORGS, "role": ROLES}.get(path.rsplit(".", 1)[-1])
        if words is not None and value in words:
            return words[value](lang)
    return shown(value, lang)


def _reads(changed: str, read: str) -> bool:
    return changed == read or changed.startswith(f"{read}.") or read.startswith(f"{changed}.")


def flipped(flips: Diff) -> list[Item]:
    """The findings whose verdict is not the same under the two policies."""
    return [item for item in flips.items if item.status != "persisting"]


def render_flips(flips: Diff, names: _Names, lang: Lang) -> list[str]:
    zh = lang == "zh"
    items = flipped(flips)
    lines = [
        (f"台账在两个政策下结论不同的：{len(items)} 项（审计基准日 {flips.after.as_of}）")
        if zh
        else f"Findings whose verdict differs under the two policies: {len(items)} (audit date {flips.after.as_of})"
    ]
    if not items:
        lines.append("  没有结论改变" if zh else "  No verdict changes")
    case = None
    for item in items:
        if item.case != case:
            case = item.case
            lines.append(f"  案件 {case}" if zh else f"  Case {case}")
        change = f"{_verdict(item.before, lang)} → {_verdict(item.after, lang)}"
        lines.append(
            f"    {clause_label(item.clause) if zh else item.clause}  {change} —— {names.rule(item.rule, lang)}"
        )
        shown_messages = item.messages_after or item.messages_before
        lines += [f"        {message(lang)}" for message in shown_messages]
    return lines


def _verdict(value: str | None, lang: Lang) -> str:
    if value is None:
        return "（不适用）" if lang == "zh" else "(not applicable)"
    return VERDICT_WORDS[value](lang)


def policy_diff_json(diff: PolicyDiff, lang: Lang, flips: Diff | None = None) -> dict[str, Any]:
    names = _Names(diff)

    def side(s: PolicySide) -> dict[str, str]:
        return {"label": s.label, "name": s.name, "version": s.version}

    result: dict[str, Any] = {
        "format": POLICY_DIFF_FORMAT,
        "lang": lang,
        "before": side(diff.before),
        "after": side(diff.after),
        "counts": diff.counts(),
        "changes": [
            {**asdict(change), "what": names.key(change, lang), "where": _part(change, names, lang)}
            for change in diff.changes
        ],
        "parameter_readers": diff.readers,
    }
    if flips is not None:
        result["ledger"] = {
            "as_of": flips.after.as_of,
            "flips": [
                {
                    "case": item.case,
                    "clause": item.clause,
                    "clause_label": clause_label(item.clause),
                    "rule": item.rule,
                    "before": item.before,
                    "after": item.after,
                    "messages_before": [m(lang) for m in item.messages_before],
                    "messages_after": [m(lang) for m in item.messages_after],
                }
                for item in flipped(flips)
            ],
        }
    return result
