"""`iprules diff-policy A B`: what differs between two policies (folders, or a folder at a
git revision), and with --ledger which findings of a ledger change verdict
(iprules.policy.changes, iprules.policy.flips)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from iprules.commands.common import EXIT_OK, UsageError, audit_date, refuse_folders
from iprules.i18n import Lang


def register(
    command: Callable[[str, str, str], argparse.ArgumentParser], say: Callable[[str, str], str]
) -> dict[str, Callable[[argparse.Namespace, Lang], int]]:
    diff_cmd = command(
        "diff-policy",
        "比较两个政策（两个政策文件夹，或同一文件夹的两个 git 修订版本）：条款原文、规则及其情形、参数、解释、豁免的增删改；"
        "加 --ledger 时列出台账中结论改变的项",
        "compare two policies (two folders, or one folder at two git revisions): clause texts, rules and "
        "their branches, parameters, readings and waivers added, removed or changed; with --ledger, the "
        "findings whose verdict changes",
    )
    for name, zh, en in (("before", "之前", "A"), ("after", "之后", "B")):
        diff_cmd.add_argument(
            name,
            metavar=say(zh, en),
            help=say(
                "政策文件夹（如 rules/maojian），或 文件夹@修订版本（如 rules/maojian@HEAD~1）",
                "a policy folder (e.g. rules/maojian), or FOLDER@REVISION (e.g. rules/maojian@HEAD~1)",
            ),
        )
    diff_cmd.add_argument(
        "--ledger",
        nargs="+",
        type=Path,
        default=None,
        metavar=say("台账", "LEDGER"),
        help=say(
            "在两个政策下分别检查这些台账，列出结论改变的案件和条款",
            "check these ledgers under both policies and list the cases and clauses whose verdict changes",
        ),
    )
    diff_cmd.add_argument(
        "--as-of",
        type=audit_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=say("审计基准日（与 --ledger 同用；默认今天）", "audit date (with --ledger; default today)"),
    )
    diff_cmd.add_argument(
        "--format", choices=["text", "json"], default="text", help=say("输出格式", "output format")
    )
    return {"diff-policy": _diff_policy}


def _diff_policy(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.policy.changes import PolicySide, compare_policies
    from iprules.policy.changes_text import policy_diff_json, render_policy_diff
    from iprules.policy.flips import ledger_under_both
    from iprules.policy.load import load_policy
    from iprules.policy.revision import RevisionError, checkout_at, parse_policy_at
    from iprules.report.view import nothing_checked

    if args.as_of is not None and not args.ledger:
        raise UsageError(
            "--as-of 只与 --ledger 同用（审计基准日用于检查台账）",
            "--as-of goes with --ledger (the audit date is for checking the ledger)",
        )
    with ExitStack() as stack:
        sides = []
        for given in (args.before, args.after):
            try:
                at = parse_policy_at(given)
                folder = checkout_at(at, stack)
            except RevisionError as error:
                raise UsageError(error.words.zh, error.words.en) from error
            policy = load_policy(folder)
            sides.append(PolicySide(at.label, policy.name, policy.version, policy))
        before, after = sides
        diff = compare_policies(before, after)
        flips = None
        if args.ledger:
            ledgers = list(args.ledger)
            refuse_folders(ledgers)
            flips, first, _ = ledger_under_both(ledgers, before, after, args.as_of or dt.date.today())
            empty = nothing_checked(first.summary)
            if empty is not None:
                raise UsageError(empty.zh, empty.en)
        if args.format == "json":
            print(json.dumps(policy_diff_json(diff, lang, flips), ensure_ascii=False, indent=2))
        else:
            sys.stdout.write(render_policy_diff(diff, lang, flips))
    return EXIT_OK
