"""The `iprules` command: one entry point for auditors, trainers and legal reviewers.

Exit codes: 0 no violation, 1 violations found, 2 an input or policy error stopped the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import cast

from iprules.check import check
from iprules.i18n import Lang
from iprules.ledger.read import LedgerFileError
from iprules.policy.load import Policy, load_policy
from iprules.policy.yamlfile import PolicyError
from iprules.report.json import render_json
from iprules.report.text import render_text

EXIT_OK, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def default_policy() -> Path:
    """`rules/maojian` of the working directory, else of the checkout iprules runs from."""
    local = Path("rules/maojian")
    if (local / "policy.yaml").is_file():
        return local
    return Path(__file__).resolve().parents[2] / "rules" / "maojian"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"{value!r}: 日期应写作 YYYY-MM-DD / dates are YYYY-MM-DD"
        ) from error


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iprules",
        description="《知识产权服务机构工作机制》规则检查 / rules-as-code checker for the IP service working mechanism",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--policy", type=Path, default=None, help="policy folder (default: rules/maojian)")
    common.add_argument(
        "--lang", choices=["zh", "en"], default="zh", help="language of the output (default zh)"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    check_cmd = commands.add_parser(
        "check", parents=[common], help="check ledgers against the policy / 检查台账"
    )
    check_cmd.add_argument("ledgers", nargs="+", type=Path, help="ledger files (.jsonl)")
    check_cmd.add_argument(
        "--as-of", type=_date, default=None, help="audit date for open cases (default today)"
    )
    check_cmd.add_argument("--format", choices=["text", "json"], default="text")
    check_cmd.add_argument(
        "--output", type=Path, default=None, help="write the report here instead of stdout"
    )

    commands.add_parser("lint", parents=[common], help="check the policy's rule files / 检查规则文件")
    return parser


def _load(args: argparse.Namespace) -> Policy:
    return load_policy(args.policy or default_policy())


def _check(args: argparse.Namespace, lang: Lang) -> int:
    policy = _load(args)
    report = check(list(args.ledgers), policy, args.as_of or dt.date.today())
    rendered = (
        render_json(report, policy, lang) if args.format == "json" else render_text(report, policy, lang)
    )
    if args.output:
        args.output.write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    return EXIT_VIOLATIONS if report.summary.findings["violation"] else EXIT_OK


def _lint(args: argparse.Namespace, lang: Lang) -> int:
    policy = _load(args)
    message = (
        f"{policy.folder}: 规则 {len(policy.rules)} 条，条款 {len(policy.clauses)} 条，无错误"
        if lang == "zh"
        else f"{policy.folder}: {len(policy.rules)} rules, {len(policy.clauses)} clauses, no errors"
    )
    print(message)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = cast(Lang, args.lang)
    try:
        if args.command == "check":
            return _check(args, lang)
        return _lint(args, lang)
    except PolicyError as error:
        print(error.render(lang), file=sys.stderr)
        return EXIT_ERROR
    except LedgerFileError as error:
        print(str(error), file=sys.stderr)
        return EXIT_ERROR
