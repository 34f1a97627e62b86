"""The `iprules` command: one entry point for auditors, trainers and legal reviewers.

Exit codes: 0 no violation, 1 violations found, 2 an input or policy error stopped the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from iprules.check import check, check_stream
from iprules.i18n import Lang
from iprules.ledger.read import LedgerFileError
from iprules.policy.load import Policy, load_policy
from iprules.policy.yamlfile import PolicyError
from iprules.report.write import FORMATS, OutputError, write_checked

if TYPE_CHECKING:
    from iprules.scenarios import Scenario

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


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(
            f"{value!r}：--jobs 应为正整数，如 --jobs 2 / --jobs takes a positive whole number, e.g. --jobs 2"
        )
    return int(value)


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
    check_cmd.add_argument(
        "ledgers", nargs="+", type=Path, help="ledger files (.jsonl, .csv, .tsv/.txt, .xlsx), mixed freely"
    )
    check_cmd.add_argument(
        "--as-of", type=_date, default=None, help="audit date for open cases (default today)"
    )
    check_cmd.add_argument("--format", choices=FORMATS, default="text", help="report format (default text)")
    check_cmd.add_argument(
        "--output", type=Path, default=None, help="write the report here instead of stdout"
    )
    check_cmd.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        help="processes to check cases in (default: one per core); the report is the same for any N",
    )

    lint_cmd = commands.add_parser(
        "lint", parents=[common], help="check the policy's rule files / 检查规则文件"
    )
    lint_cmd.add_argument("policy_folder", nargs="?", type=Path, default=None, help="policy folder to check")
    clauses_cmd = commands.add_parser(
        "clauses", parents=[common], help="every clause: rules, scenarios or waiver / 条款覆盖情况"
    )
    clauses_cmd.add_argument("--clause", default=None, help="only this clause id (or its sub-ids)")
    scenarios_cmd = commands.add_parser(
        "scenarios", parents=[common], help="the scenarios that pin clauses / 场景"
    )
    scenarios_cmd.add_argument(
        "--clause", default=None, help="only scenarios of this clause id (or its sub-ids)"
    )
    drill_cmd = commands.add_parser("drill", parents=[common], help="quiz from the scenarios / 场景练习")
    drill_cmd.add_argument("--clause", default=None, help="only scenarios of this clause id (or its sub-ids)")
    explain_cmd = commands.add_parser(
        "explain", parents=[common], help="every rule's reasoning on one case / 单个案件的判定过程"
    )
    explain_cmd.add_argument("case", help="case id, e.g. MJ-2026-003")
    explain_cmd.add_argument("ledgers", nargs="+", type=Path, help="ledger files")
    explain_cmd.add_argument("--as-of", type=_date, default=None, help="audit date (default today)")
    template_cmd = commands.add_parser(
        "template", parents=[common], help="write an empty ledger workbook to fill in / 生成台账模板"
    )
    template_cmd.add_argument("workbook", type=Path, help="where to write it, e.g. 台账.xlsx")
    commands.add_parser(
        "calendar", parents=[common], help="the working-day years known and their source / 工作日日历"
    )
    return parser


def _calendar(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.calendar import Calendar

    print(Calendar.from_parameters(_load(args).parameters).show(lang))
    return EXIT_OK


def _template(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.ledger.template import write_template

    policy = _load(args)
    if args.workbook.suffix.lower() != ".xlsx":
        print(f"{args.workbook}: 模板须为 .xlsx 文件 / the template must be an .xlsx file", file=sys.stderr)
        return EXIT_ERROR
    if args.workbook.exists():
        print(
            f"{args.workbook}: 文件已存在，为免覆盖已填的台账，请换一个文件名 / "
            "the file exists; choose another name so a filled-in ledger is never overwritten",
            file=sys.stderr,
        )
        return EXIT_ERROR
    write_template(args.workbook, policy.parameters, lang)
    done = "已生成台账模板" if lang == "zh" else "ledger template written to"
    print(f"{done} {args.workbook}")
    return EXIT_OK


def _load(args: argparse.Namespace) -> Policy:
    return load_policy(args.policy or default_policy())


class _ProgressBar:
    """Records checked, on stderr, for a check that takes more than a moment; silent when
    stderr is not a terminal (a pipe, a file, a test)."""

    DELAY = 0.7  # seconds before a bar appears

    def __init__(self, lang: Lang) -> None:
        self._lang = lang
        self._started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if time.monotonic() - self._started < self.DELAY or not sys.stderr.isatty():
                return
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
            label = "检查案件记录" if self._lang == "zh" else "checking case records"
            self._task = self._bar.add_task(label, total=total)
        self._bar.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _check(args: argparse.Namespace, lang: Lang) -> int:
    policy = _load(args)
    progress = _ProgressBar(lang)
    try:
        checked = check_stream(
            list(args.ledgers), policy, args.as_of or dt.date.today(), jobs=args.jobs, progress=progress
        )
    finally:
        progress.close()
    with checked:
        write_checked(checked, policy, lang, args.format, args.output)
    return EXIT_VIOLATIONS if checked.head.summary.findings["violation"] else EXIT_OK


def _clauses(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.coverage import measure
    from iprules.review import render_clauses

    policy = _load(args)
    coverage = measure(policy)
    sys.stdout.write(render_clauses(coverage, policy, lang, args.clause))
    return EXIT_OK if coverage.complete else EXIT_VIOLATIONS


def _chosen_scenarios(policy: Policy, clause: str | None) -> list[Scenario]:
    """The policy's scenarios, or those of one clause id and its sub-ids."""
    from iprules.scenarios import read_scenarios

    return [
        s
        for s in read_scenarios(policy.features, policy.root)
        if not clause or s.clause == clause or s.clause.startswith(f"{clause}-")
    ]


def _scenarios(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.review import render_scenarios

    policy = _load(args)
    chosen = _chosen_scenarios(policy, args.clause)
    sys.stdout.write(render_scenarios(chosen, lang))
    return EXIT_OK


def _drill(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.drill import drill

    policy = _load(args)
    chosen = _chosen_scenarios(policy, args.clause)

    def ask(prompt: str) -> str | None:
        try:
            return input(prompt)
        except EOFError:
            return None

    drill(chosen, policy, lang, ask, print)
    return EXIT_OK


def _explain(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.explain import render_case

    policy = _load(args)
    report = check(list(args.ledgers), policy, args.as_of or dt.date.today(), jobs=1)
    sys.stdout.write(render_case(report, policy, args.case, lang))
    return EXIT_OK


def _lint(args: argparse.Namespace, lang: Lang) -> int:
    if args.policy_folder is not None:
        args.policy = args.policy_folder
    policy = _load(args)
    encoded = {clause for rule in policy.rules for clause in rule.clauses}
    problems = []
    for clause in policy.clauses:
        where = f"{clause.file}:{clause.line}"
        if clause.id not in encoded and clause.id not in policy.waivers:
            problems.append(
                f"{where}: 条款 {clause.id} 既没有规则编码，也没有豁免理由：在 rules/ 中加规则，或在 policy.yaml 的 waivers 中写明理由"
                if lang == "zh"
                else f"{where}: clause {clause.id} is neither encoded by a rule nor waived: add a rule, or a waiver with its reason in policy.yaml"
            )
        elif clause.id in encoded and clause.id in policy.waivers:
            problems.append(
                f"{where}: 条款 {clause.id} 既有规则又被豁免：删去其一"
                if lang == "zh"
                else f"{where}: clause {clause.id} is both encoded and waived: keep one"
            )
    for problem in problems:
        print(problem)
    summary = (
        f"{policy.folder}: 规则 {len(policy.rules)} 条，条款 {len(policy.clauses)} 条，问题 {len(problems)} 个"
        if lang == "zh"
        else f"{policy.folder}: {len(policy.rules)} rules, {len(policy.clauses)} clauses, {len(problems)} problems"
    )
    print(summary)
    return EXIT_VIOLATIONS if problems else EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace, Lang], int]] = {
    "check": _check,
    "clauses": _clauses,
    "scenarios": _scenarios,
    "template": _template,
    "drill": _drill,
    "explain": _explain,
    "lint": _lint,
    "calendar": _calendar,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = cast(Lang, args.lang)
    try:
        return _COMMANDS[args.command](args, lang)
    except PolicyError as error:
        print(error.render(lang), file=sys.stderr)
        return EXIT_ERROR
    except OutputError as error:
        print(str(error), file=sys.stderr)
        return EXIT_ERROR
    except LedgerFileError as error:
        print(str(error), file=sys.stderr)
        return EXIT_ERROR
