"""`iprules lint --deep`: a witness for every branch of every rule (iprules.witness), printed
as draft scenarios, or the reason there is none.

Exit 0 when every branch has a witness; 1 when some branch has none (not found within the
budget, or proven unreachable); 2 for a usage or policy error, as every command.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

from iprules.commands.common import EXIT_OK, EXIT_VIOLATIONS, UsageError, positive_number
from iprules.i18n import Lang, Text
from iprules.policy.load import Policy
from iprules.witness.draft import draft_scenario
from iprules.witness.search import FOUND, NOT_FOUND, UNREACHABLE, Budget, Witness, search


def deep_options(lint_cmd: argparse.ArgumentParser, say: Callable[[str, str], str]) -> None:
    lint_cmd.add_argument(
        "--deep",
        action="store_true",
        help=say(
            "为每条规则的每个分支找一个最小的示例台账，打印为草稿场景；有分支找不到示例时退出码为 1",
            "find a smallest ledger for every branch of every rule, printed as draft scenarios; exit 1 when a branch has none",
        ),
    )
    lint_cmd.add_argument(
        "--rule",
        action="append",
        default=None,
        metavar=say("规则", "RULE"),
        help=say("只看此规则（可写多次）；与 --deep 同用", "only this rule (may be repeated); with --deep"),
    )
    lint_cmd.add_argument(
        "--tries",
        type=positive_number,
        default=Budget.tries,
        metavar="N",
        help=say(
            f"没有场景能触发的分支，最多试 N 个变异台账（默认 {Budget.tries}）",
            f"for a branch no scenario takes, try at most N mutated ledgers (default {Budget.tries})",
        ),
    )
    lint_cmd.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help=say(
            "与 --deep 同用的输出格式：text（默认）或 json", "output with --deep: text (default) or json"
        ),
    )


def meaning(witness: Witness, tries: int) -> Text | None:
    """What a branch without a witness means for its clause."""
    clause = ", ".join(witness.rule.clauses)
    if witness.status == UNREACHABLE and witness.proof is not None:
        reason = witness.proof.reason
        return Text(
            zh=f"已证明不可达：{reason.zh}。条款 {clause} 中这一分支所写的情形永远不会由它判定：条件写错了（对照条文改写）或是多余的（删去）",
            en=f"proven unreachable: {reason.en}. The situation of clause {clause} this branch stands for is never judged by it: its conditions are wrong (rewrite them against the text) or redundant (remove it)",
        )
    if witness.status == NOT_FOUND:
        return Text(
            zh=f"在 {tries} 个变异台账内未找到（这不是不可达的证明）：条款 {clause} 的这一情形没有示例；请手写一个场景固定它，或检查其条件是否要求台账给不出的记录组合",
            en=f"not found within {tries} mutated ledgers (this is not a proof that it is unreachable): this situation of clause {clause} has no example; write a scenario for it by hand, or check whether its conditions need records no ledger can give",
        )
    return None


def summary_line(witnesses: list[Witness], tries: int, lang: Lang) -> str:
    counts = Counter(w.status for w in witnesses)
    if lang == "zh":
        return (
            f"分支 {len(witnesses)} 个：有示例 {counts[FOUND]}，未找到 {counts[NOT_FOUND]}"
            f"（有界搜索：每个没有场景能触发的分支最多试 {tries} 个变异台账），已证明不可达 {counts[UNREACHABLE]}"
        )
    return (
        f"{len(witnesses)} branches: {counts[FOUND]} with a witness, {counts[NOT_FOUND]} not found "
        f"(a bounded search: at most {tries} mutated ledgers per branch no scenario takes), "
        f"{counts[UNREACHABLE]} proven unreachable"
    )


def as_json(witness: Witness, policy: Policy, tries: int) -> dict[str, Any]:
    said = meaning(witness, tries)
    item: dict[str, Any] = {
        "rule": witness.rule.id,
        "clauses": list(witness.rule.clauses),
        "branch": witness.branch,
        "status": witness.status,
        "meaning": said.model_dump() if said else None,
        "mutated_ledgers_tried": witness.tried,
    }
    if witness.ledger is not None and witness.finding is not None:
        records, cells = witness.ledger.size
        item.update(
            case=witness.finding.case,
            verdict=witness.finding.verdict,
            verdict_from="engine",  # a draft: the reviewer reads the verdict against the clause
            as_of=witness.ledger.as_of.isoformat(),
            records=records,
            filled_cells=cells,
            started_from=witness.started_from,
            tables=[
                {"kind": sheet.kind, "headers": list(sheet.headers), "rows": [list(r) for r in sheet.rows]}
                for sheet in witness.ledger.sheets
            ],
            scenario=draft_scenario(witness, policy),
        )
    return item


def deep_lint(args: argparse.Namespace, policy: Policy, lang: Lang) -> int:
    rules = policy.rules
    if args.rule:
        known = {rule.id for rule in rules}
        unknown = [name for name in args.rule if name not in known]
        if unknown:
            raise UsageError(
                f"政策 {policy.name} 中没有规则 {', '.join(unknown)}：规则编号见 iprules clauses",
                f"policy {policy.name} has no rule {', '.join(unknown)}: iprules clauses lists the rule ids",
            )
        rules = [rule for rule in rules if rule.id in args.rule]
    witnesses = search(policy, rules, Budget(tries=args.tries))
    line = summary_line(witnesses, args.tries, lang)
    if args.format == "json":
        document = {
            "policy": policy.name,
            "tries": args.tries,
            "summary": {
                "branches": len(witnesses),
                **{
                    status: sum(w.status == status for w in witnesses)
                    for status in (FOUND, NOT_FOUND, UNREACHABLE)
                },
            },
            "summary_line": line,
            "branches": [as_json(w, policy, args.tries) for w in witnesses],
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        print("# language: zh-CN")
        for witness in witnesses:
            if witness.status == FOUND:
                print(draft_scenario(witness, policy))
        for witness in witnesses:
            said = meaning(witness, args.tries)
            if said is not None:
                print(
                    f"{witness.rule.id} {witness.branch}（{', '.join(witness.rule.clauses)}）：{said(lang)}"
                )
        print(line)
    return EXIT_OK if all(w.status == FOUND for w in witnesses) else EXIT_VIOLATIONS
