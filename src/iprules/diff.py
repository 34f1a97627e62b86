"""What changed between two checks (`iprules diff A B`), per case and clause.

Each side is a recorded check (its number in the store) or a JSON report file. Findings are
paired by case, clause and rule — not by finding id, since correcting a record gives its
findings new ids (iprules.finding_id) — and each pair is judged on the worst verdict of its
findings on each side (违规 before 无法判定 before 合规):

- fixed (已纠正): 违规 or 无法判定 before, 合规 now;
- new (新出现): 合规 or not judged before, 违规 or 无法判定 now;
- persisting (仍存在): the same 违规 or 无法判定 on both sides;
- changed (结论改变): 违规 before and 无法判定 now, or the other way round;
- gone (不再出现): 违规 or 无法判定 before, and the later check has no finding of that rule on
  that case at all (the case left the ledger, or the rule no longer applies): never counted as
  fixed, since nothing shows it was put right.

A pair compliant on both sides is only counted. `same` says whether the later side's findings
are the very findings of the earlier one (the same ids): a persisting item whose records
changed has other ids.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from iprules.findings import VERDICT_ORDER
from iprules.i18n import VERDICT_WORDS, Lang, Text, text
from iprules.policy.clauses import clause_label
from iprules.store.errors import StoreError
from iprules.store.model import StoredCheck, StoredFinding

Status = Literal["new", "changed", "persisting", "fixed", "gone"]
STATUSES: tuple[Status, ...] = ("new", "changed", "persisting", "fixed", "gone")
STATUS_WORDS: dict[str, Text] = {
    "new": text("新出现", "new"),
    "changed": text("结论改变", "changed verdict"),
    "persisting": text("仍存在", "persisting"),
    "fixed": text("已纠正", "fixed"),
    "gone": text("不再出现", "no longer found"),
}
DIFF_FORMAT = "iprules-diff/1"


@dataclass(frozen=True)
class Side:
    """One side of a diff: what it is (a recorded check or a report file) and its findings."""

    label: Text
    policy_name: str
    policy_version: str
    as_of: str
    findings: list[StoredFinding]


@dataclass
class Item:
    case: str
    clause: str
    rule: str
    status: Status
    before: str | None
    after: str | None
    before_ids: list[str] = field(default_factory=list)
    after_ids: list[str] = field(default_factory=list)
    messages_before: list[Text] = field(default_factory=list)
    messages_after: list[Text] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return bool(self.after_ids) and self.before_ids == self.after_ids


@dataclass
class Diff:
    before: Side
    after: Side
    items: list[Item]
    compliant_both: int

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = dict.fromkeys(STATUSES, 0)
        for item in self.items:
            found[item.status] += 1
        return found


def side_of_check(check: StoredCheck, findings: list[StoredFinding]) -> Side:
    return Side(
        label=text(f"检查 #{check.id}", f"check #{check.id}"),
        policy_name=check.policy_name,
        policy_version=check.policy_version,
        as_of=check.as_of.isoformat(),
        findings=findings,
    )


def side_of_report(path: Path) -> Side:
    """A JSON report (`iprules check --format json`) as a side; its messages are in its language."""
    try:
        view = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StoreError(
            f"{path}：不是可读的 JSON 报告（{error}）：请给出 iprules check --format json 写出的文件，或已记录检查的编号",
            f"{path}: not a readable JSON report ({error}): give a file written by iprules check --format json, "
            "or the number of a recorded check",
        ) from error
    if not isinstance(view, dict) or not str(view.get("format", "")).startswith("iprules-report/"):
        raise StoreError(
            f"{path}：不是 iprules 的 JSON 报告（缺少 format: iprules-report/1）",
            f"{path}: not an iprules JSON report (no format: iprules-report/1)",
        )
    try:
        findings = [_reported(item) for item in view.get("findings", [])]
    except (ValidationError, KeyError, TypeError) as error:
        raise StoreError(
            f"{path}：报告中的结论格式不对（{error.__class__.__name__}）：请用本版本 iprules 重新生成",
            f"{path}: the report's findings are not in the documented shape ({error.__class__.__name__}): "
            "write it again with this iprules",
        ) from error
    policy = view.get("policy", {})
    return Side(
        label=text(str(path), str(path)),
        policy_name=str(policy.get("name", "")),
        policy_version=str(policy.get("version", "")),
        as_of=str(view.get("as_of", "")),
        findings=findings,
    )


def _reported(item: dict[str, Any]) -> StoredFinding:
    return StoredFinding.model_validate(
        {
            "id": item.get("id", ""),
            "case": item["case"],
            "rule": item["rule"],
            "branch": item.get("branch", ""),
            "verdict": item["verdict"],
            "clauses": [clause["id"] for clause in item["clauses"]],
            "messages": [{"zh": m, "en": m} for m in item["messages"]],
            "interpretations": [reading["id"] for reading in item.get("interpretations", [])],
            "evidence": item.get("evidence", []),
            "affected_by": item.get("affected_by", []),
        }
    )


Key = tuple[str, str, str]  # (case, clause, rule)


def _by_key(findings: list[StoredFinding]) -> dict[Key, list[StoredFinding]]:
    grouped: dict[Key, list[StoredFinding]] = defaultdict(list)
    for finding in findings:
        for clause in finding.clauses:
            grouped[(finding.case, clause, finding.rule)].append(finding)
    return grouped


def _worst(findings: list[StoredFinding]) -> str | None:
    if not findings:
        return None
    return min((f.verdict for f in findings), key=VERDICT_ORDER.__getitem__)


def _status(before: str | None, after: str | None) -> Status | None:
    if before in (None, "compliant"):
        return None if after in (None, "compliant") else "new"
    if after == "compliant":
        return "fixed"
    if after is None:
        return "gone"
    return "persisting" if after == before else "changed"


_NUMBER = re.compile(r"(\d+)")


def _natural(value: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in _NUMBER.split(value)]


def compare(before: Side, after: Side) -> Diff:
    old, new = _by_key(before.findings), _by_key(after.findings)
    items: list[Item] = []
    compliant_both = 0
    for key in sorted(old.keys() | new.keys(), key=lambda k: (_natural(k[0]), _natural(k[1]), k[2])):
        a, b = old.get(key, []), new.get(key, [])
        va, vb = _worst(a), _worst(b)
        status = _status(va, vb)
        if status is None:
            compliant_both += va == "compliant" and vb == "compliant"
            continue
        case, clause, rule = key
        items.append(
            Item(
                case=case,
                clause=clause,
                rule=rule,
                status=status,
                before=va,
                after=vb,
                before_ids=sorted(f.id for f in a),
                after_ids=sorted(f.id for f in b),
                messages_before=_messages(a),
                messages_after=_messages(b),
            )
        )
    return Diff(before=before, after=after, items=items, compliant_both=compliant_both)


def _messages(findings: list[StoredFinding]) -> list[Text]:
    """The messages of a side's worst findings (those that decided its verdict)."""
    worst = _worst(findings)
    seen: dict[tuple[str, str], Text] = {}
    for finding in findings:
        if finding.verdict == worst:
            for message in finding.messages:
                seen.setdefault((message.zh, message.en), message)
    return list(seen.values())


# --- the two renderings ------------------------------------------------------------------------


def _verdict(value: str | None, lang: Lang) -> str:
    if value is None:
        return "（无结论）" if lang == "zh" else "(no finding)"
    return VERDICT_WORDS[value](lang)


def _side_line(side: Side, lang: Lang) -> str:
    if lang == "zh":
        return f"{side.label.zh}（政策 {side.policy_name} {side.policy_version}，审计基准日 {side.as_of}）"
    return f"{side.label.en} (policy {side.policy_name} {side.policy_version}, audit date {side.as_of})"


def render_diff(diff: Diff, lang: Lang, rule_title: Callable[[str], str | None]) -> str:
    """The diff as text; `rule_title(rule id)` names a rule in words (None: not in the policy)."""
    zh = lang == "zh"
    counts = diff.counts()
    lines = [
        ("比较：" if zh else "Comparing: ") + _side_line(diff.before, lang),
        ("    → " if zh else "       → ") + _side_line(diff.after, lang),
    ]
    if diff.before.policy_name != diff.after.policy_name:
        lines.append(
            "注意：两次检查所用政策不同，条款的结论未必可比"
            if zh
            else "Note: the two checks used different policies; their verdicts may not compare"
        )
    elif diff.before.policy_version != diff.after.policy_version:
        lines.append(
            "注意：两次检查之间政策版本已改变（规则或条款文本有变动）"
            if zh
            else "Note: the policy's version changed between the two checks (rules or clause texts were edited)"
        )
    tally = ("，" if zh else ", ").join(f"{STATUS_WORDS[s](lang)} {counts[s]}" for s in STATUSES)
    both = f"两次均合规 {diff.compliant_both}" if zh else f"compliant in both {diff.compliant_both}"
    lines += [tally + ("；" if zh else "; ") + both, ""]
    case = None
    for item in diff.items:
        if item.case != case:
            case = item.case
            lines.append(f"案件 {case}" if zh else f"Case {case}")
        title = rule_title(item.rule)
        change = f"{_verdict(item.before, lang)} → {_verdict(item.after, lang)}"
        colon = "：" if zh else ": "
        line = f"  {clause_label(item.clause)}  {STATUS_WORDS[item.status](lang)}{colon}{change}"
        lines.append(line + (f" —— {title}" if title else f" —— {item.rule}" if not zh else ""))
        shown = item.messages_before if item.status in ("fixed", "gone") else item.messages_after
        lines += [f"      {message(lang)}" for message in shown]
    if not diff.items:
        lines.append(
            "两次检查之间没有变化，也没有仍存在的问题" if zh else "Nothing changed and nothing is outstanding"
        )
    return "\n".join(lines) + "\n"


def diff_json(diff: Diff, lang: Lang) -> dict[str, Any]:
    def side(s: Side) -> dict[str, Any]:
        return {
            "label": s.label(lang),
            "policy": {"name": s.policy_name, "version": s.policy_version},
            "as_of": s.as_of,
            "findings": len(s.findings),
        }

    return {
        "format": DIFF_FORMAT,
        "lang": lang,
        "before": side(diff.before),
        "after": side(diff.after),
        "counts": {**diff.counts(), "compliant_both": diff.compliant_both},
        "items": [
            {
                "case": item.case,
                "clause": item.clause,
                "clause_label": clause_label(item.clause),
                "rule": item.rule,
                "status": item.status,
                "status_label": STATUS_WORDS[item.status](lang),
                "before": item.before,
                "after": item.after,
                "same_findings": item.same,
                "before_ids": item.before_ids,
                "after_ids": item.after_ids,
                "messages_before": [m(lang) for m in item.messages_before],
                "messages_after": [m(lang) for m in item.messages_after],
            }
            for item in diff.items
        ],
    }
