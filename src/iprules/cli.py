"""The `iprules` command: one entry point for auditors, trainers and legal reviewers.

Exit codes: 0 no violation, 1 violations found, 2 an input or policy error, nothing checked, or
an unexpected error (never a traceback, never 1).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from iprules import __version__
from iprules.check import check, check_stream
from iprules.commands.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_VIOLATIONS,
    UsageError,
    audit_date,
    load,
    positive_number,
    refuse_folders,
    say_to_user,
)
from iprules.commands.compare import reading_options, readings_count, switched_policy
from iprules.commands.compare import register as compare_commands
from iprules.commands.lint_deep import deep_lint, deep_options
from iprules.commands.policy_diff import register as policy_diff_commands
from iprules.commands.store import db_option, open_store, record, store_options
from iprules.commands.store import register as store_commands
from iprules.commands.warn import register as warn_commands
from iprules.i18n import Lang, text
from iprules.ledger.read import LedgerFileError
from iprules.policy.clauses import within
from iprules.policy.load import Policy
from iprules.policy.yamlfile import PolicyError
from iprules.report.view import nothing_checked
from iprules.report.write import FORMATS, Format, OutputError, write_checked

if TYPE_CHECKING:
    from iprules.scenarios import Scenario

EXIT_CODES = text(
    "退出码：0 未发现违规；1 发现违规；2 输入或政策错误、没有检查任何内容、或意外错误（不代表合规）",
    "exit codes: 0 no violation; 1 violations found; 2 an input or policy error, nothing checked, "
    "or an unexpected error (never a clean pass)",
)

# argparse's own words (usage, headings, errors), in Chinese when the help is
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
}


def _speak(lang: Lang) -> None:
    """argparse's words in the language of the help (it looks `_` up when it speaks)."""
    words = _ARGPARSE_ZH if lang == "zh" else {}
    argparse._ = lambda message: words.get(message, message)  # type: ignore[attr-defined]


def _parser(lang: Lang = "zh") -> argparse.ArgumentParser:
    def say(zh: str, en: str) -> str:
        return zh if lang == "zh" else en

    _speak(lang)
    parser = argparse.ArgumentParser(
        prog="iprules",
        description=say(
            "《知识产权服务机构工作机制》规则检查：按条款检查台账，每条结论附条款原文和依据记录。",
            "Rules-as-code checker for the Working Mechanism for IP Service Institutions: ledgers "
            "checked clause by clause, every verdict with its clause text and records.",
        ),
        epilog=EXIT_CODES(lang),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"iprules {__version__}",
        help=say("显示版本号并退出", "show the version and exit"),
    )
    parser.add_argument(
        "--lang",
        dest="top_lang",
        choices=["zh", "en"],
        default="zh",
        help=say(
            "帮助和输出的语言：zh 中文（默认）或 en 英文",
            "language of the help and output: zh (default) or en",
        ),
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--policy",
        type=Path,
        default=None,
        metavar=say("政策文件夹", "FOLDER"),
        help=say("政策文件夹（默认 rules/maojian）", "policy folder (default: rules/maojian)"),
    )
    common.add_argument(
        "--lang",
        choices=["zh", "en"],
        default="zh",
        help=say("输出语言：zh 中文（默认）或 en 英文", "language of the output: zh (default) or en"),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar=say("命令", "COMMAND"))

    def command(name: str, zh: str, en: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, parents=[common], help=say(zh, en), description=say(zh, en), epilog=EXIT_CODES(lang)
        )

    check_cmd = command(
        "check", "按政策检查台账，给出每个案件每条规则的结论", "check ledgers against the policy"
    )
    check_cmd.add_argument(
        "ledgers",
        nargs="+",
        type=Path,
        metavar=say("台账", "LEDGER"),
        help=say(
            "台账文件（.jsonl、.csv、.tsv/.txt、.xlsx），可混合",
            "ledger files (.jsonl, .csv, .tsv/.txt, .xlsx), mixed freely",
        ),
    )
    check_cmd.add_argument(
        "--as-of",
        type=audit_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=say(
            "审计基准日，未办结案件的期限按此日判断（默认今天）", "audit date for open cases (default today)"
        ),
    )
    check_cmd.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help=say(
            "报告格式：text 文本、json、html 网页、xlsx 表格（默认按 --output 的扩展名，否则 text）",
            "report format (default: from the --output extension, else text)",
        ),
    )
    check_cmd.add_argument(
        "--output",
        type=Path,
        default=None,
        metavar=say("报告文件", "FILE"),
        help=say(
            "报告写入此文件（不写则输出到屏幕）；不会覆盖输入的台账；完整写好后才替换旧报告",
            "write the report to this file instead of stdout; never an input ledger; "
            "the old report is replaced only once the new one is complete",
        ),
    )
    check_cmd.add_argument(
        "--jobs",
        type=positive_number,
        default=None,
        metavar="N",
        help=say(
            "并行检查的进程数（默认每个处理器核心一个）；结果与 N 无关",
            "processes to check cases in (default: one per core); the report is the same for any N",
        ),
    )

    check_cmd.add_argument(
        "--cluster",
        default=None,
        metavar=say("地址", "ADDRESS"),
        help=say(
            "在 Dask 集群上检查：调度器地址如 tcp://10.0.0.5:8786，或 local（在本机启动，--jobs 个工作进程）；"
            "需先安装 iprules[cluster]；结果与本机检查相同",
            "check on a Dask cluster: a scheduler address such as tcp://10.0.0.5:8786, or local "
            "(started on this machine with --jobs workers); needs iprules[cluster]; the report is the same",
        ),
    )

    lint_cmd = command("lint", "检查政策的规则文件", "check the policy's rule files")
    lint_cmd.add_argument(
        "policy_folder",
        nargs="?",
        type=Path,
        default=None,
        metavar=say("政策文件夹", "FOLDER"),
        help=say("要检查的政策文件夹", "policy folder to check"),
    )
    deep_options(lint_cmd, say)
    clause_help = say(
        "只看此条款编号（含其下各子条款；写 s5 即第五部分全部条款），如 s2.0",
        "only this clause id (or its sub-ids; s5 is every clause of section 五), e.g. s2.0",
    )
    clauses_cmd = command(
        "clauses",
        "列出每个条款：规则、已固定的分支、场景或豁免理由；仍有未处理的条款或分支时退出码为 1",
        "every clause: rules, branches pinned, scenarios or waiver; exit 1 while anything is unaccounted for",
    )
    clauses_cmd.add_argument("--clause", default=None, metavar=say("条款", "CLAUSE"), help=clause_help)
    scenarios_cmd = command("scenarios", "列出固定各条款结论的场景", "the scenarios that pin clauses")
    scenarios_cmd.add_argument("--clause", default=None, metavar=say("条款", "CLAUSE"), help=clause_help)
    drill_cmd = command("drill", "用场景出题练习", "quiz from the scenarios")
    drill_cmd.add_argument("--clause", default=None, metavar=say("条款", "CLAUSE"), help=clause_help)
    explain_cmd = command(
        "explain", "单个案件的判定过程：每条规则的结论和依据", "every rule's reasoning on one case"
    )
    explain_cmd.add_argument(
        "case",
        metavar=say("案件编号", "CASE"),
        help=say("案件编号，如 MJ-2026-003", "case id, e.g. MJ-2026-003"),
    )
    explain_cmd.add_argument(
        "ledgers", nargs="+", type=Path, metavar=say("台账", "LEDGER"), help=say("台账文件", "ledger files")
    )
    explain_cmd.add_argument(
        "--as-of",
        type=audit_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=say("审计基准日（默认今天）", "audit date (default today)"),
    )
    template_cmd = command(
        "template", "生成待填写的空白台账工作簿", "write an empty ledger workbook to fill in"
    )
    template_cmd.add_argument(
        "workbook",
        type=Path,
        metavar=say("工作簿", "WORKBOOK"),
        help=say(
            "写到哪里，如 台账.xlsx（不覆盖已有文件）",
            "where to write it, e.g. 台账.xlsx (never overwritten)",
        ),
    )
    command("calendar", "已知的工作日年份及其来源", "the working-day years known and their source")
    store_options(check_cmd, say)
    reading_options(check_cmd, say)
    for family in (store_commands, warn_commands, policy_diff_commands, compare_commands):
        _REGISTERED.update(family(command, say))
    serve_cmd = command(
        "serve",
        "在浏览器中使用的工作台（检查台账）；默认只有本机可访问",
        "the workbench in a browser (check ledgers); reachable from this computer only by default",
    )
    serve_cmd.add_argument(
        "--host",
        default="127.0.0.1",
        help=say(
            "监听地址（默认 127.0.0.1，仅本机）；其他地址（如 0.0.0.0，整个局域网）必须设访问密码",
            "address to listen on (default 127.0.0.1, this computer only); any other (e.g. 0.0.0.0, "
            "the whole network) requires an access password",
        ),
    )
    db_option(serve_cmd, say)  # every workbench check is recorded there
    serve_cmd.add_argument(
        "--port", type=int, default=8000, help=say("端口（默认 8000）", "port (default 8000)")
    )
    serve_cmd.add_argument(
        "--password",
        default=None,
        help=say(
            "访问密码（至少 8 个字符；更好的做法是设环境变量 IPRULES_PASSWORD，命令行参数会出现在进程列表中）",
            "access password (8 characters at least; better set IPRULES_PASSWORD, a command line "
            "shows in the process list)",
        ),
    )
    serve_cmd.add_argument(
        "--max-upload-mb",
        type=positive_number,
        default=100,
        metavar="MB",
        help=say(
            "一次上传的总大小上限（默认 100 MB）", "limit of one upload, all files together (default 100 MB)"
        ),
    )
    serve_cmd.add_argument(
        "--keep-minutes",
        type=positive_number,
        default=60,
        metavar=say("分钟", "MINUTES"),
        help=say(
            "检查结果无人查看多久后删除（默认 60 分钟）；服务器停止时全部删除",
            "minutes a result is kept unseen (default 60); all are deleted when the server stops",
        ),
    )
    return parser


def _calendar(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.calendar import Calendar

    print(Calendar.from_parameters(load(args).parameters).show(lang))
    return EXIT_OK


def _template(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.ledger.template import write_template

    policy = load(args)
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
    if not args.workbook.parent.exists():
        say_to_user(
            lang, f"已新建文件夹 {args.workbook.parent}", f"created the folder {args.workbook.parent}"
        )
    try:
        args.workbook.parent.mkdir(parents=True, exist_ok=True)
        write_template(args.workbook, policy.parameters, lang)
    except OSError as error:
        raise OutputError(
            f"{args.workbook}: 无法写入模板（{error.strerror}）：请检查路径和权限 / "
            f"cannot write the template ({error.strerror}): check the path and permissions"
        ) from error
    done = "已生成台账模板" if lang == "zh" else "ledger template written to"
    print(f"{done} {args.workbook}")
    return EXIT_OK


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


_SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}


def report_format(asked: Format | None, output: Path | None) -> Format:
    """The report's format: --format, else the --output extension, else text."""
    implied = _SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    if asked is not None and implied is not None and asked != implied:
        raise UsageError(
            f"--format {asked} 与 --output {output} 的扩展名不一致：改扩展名为 {_suffix(asked)}，或去掉 --format",
            f"--format {asked} disagrees with the extension of --output {output}: "
            f"use the extension {_suffix(asked)} or drop --format",
        )
    return asked or implied or "text"


def _suffix(form: Format) -> str:
    return next(suffix for suffix, known in _SUFFIX_FORMATS.items() if known == form)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _check_output(output: Path, ledgers: list[Path], form: Format) -> None:
    """An output that would destroy an input, or that is a folder, is refused before any work."""
    for ledger in ledgers:
        if _same_file(output, ledger):
            raise UsageError(
                f"--output {output} 是输入的台账 {ledger}：报告会覆盖台账，请换一个报告文件名，如 报告{_suffix(form)}",
                f"--output {output} is the input ledger {ledger}: the report would overwrite it; "
                f"choose another name, e.g. report{_suffix(form)}",
            )
    if output.is_dir():
        raise UsageError(
            f"--output {output} 是文件夹：请给出报告文件名，如 {output / ('报告' + _suffix(form))}",
            f"--output {output} is a folder: give a file name, e.g. {output / ('report' + _suffix(form))}",
        )


def _check(args: argparse.Namespace, lang: Lang) -> int:
    form = report_format(args.format, args.output)
    ledgers = list(args.ledgers)
    refuse_folders(ledgers)
    output: Path | None = args.output
    if output is not None:
        _check_output(output, ledgers, form)
    elif form == "xlsx" and sys.stdout.isatty():
        raise UsageError(
            "Excel 报告不能显示在终端上：请用 --output 指定文件，如 --output 报告.xlsx",
            "an Excel report cannot be shown in a terminal: use --output FILE, e.g. --output report.xlsx",
        )
    policy = switched_policy(load(args), args)
    store = (
        open_store(args, existing=False) if args.record else None
    )  # a bad --db fails before the check runs
    progress = _ProgressBar(lang)
    try:
        checked = check_stream(
            ledgers,
            policy,
            args.as_of or dt.date.today(),
            jobs=args.jobs,
            progress=progress,
            cluster=args.cluster,
        )
    finally:
        progress.close()
    with checked:
        if output is not None and not output.parent.exists():
            say_to_user(lang, f"已新建文件夹 {output.parent}", f"created the folder {output.parent}")
        write_checked(checked, policy, lang, form, output)
        if store is not None:
            record(store, checked, policy, args, lang)
    if output is not None:
        say_to_user(lang, f"报告已写入 {output}", f"Report written to {output}")
    empty = nothing_checked(checked.head.summary)
    if empty is not None:
        print(f"iprules: {empty(lang)}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_VIOLATIONS if checked.head.summary.findings["violation"] else EXIT_OK


def _known_clause(policy: Policy, clause: str | None) -> None:
    """`--clause` of a clause the policy does not have is an error, with the nearest ids."""
    if not clause:
        return
    ids = [c.id for c in policy.clauses]
    if any(within(i, clause) for i in ids):
        return
    near = difflib.get_close_matches(clause, ids, n=3)
    hint = ("，是否指 " + "、".join(near) + "？") if near else ""
    hint_en = (f"; did you mean {', '.join(near)}?") if near else ""
    raise UsageError(
        f"没有条款 {clause}{hint}（iprules clauses 列出全部条款）",
        f"no clause {clause}{hint_en} (iprules clauses lists them all)",
    )


def _clauses(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.coverage import measure
    from iprules.review import render_clauses

    policy = load(args)
    _known_clause(policy, args.clause)
    coverage = measure(policy)
    sys.stdout.write(render_clauses(coverage, policy, lang, args.clause))
    if not args.clause:
        print(readings_count(policy, lang))
    return EXIT_OK if coverage.complete else EXIT_VIOLATIONS


def _chosen_scenarios(policy: Policy, clause: str | None) -> list[Scenario]:
    """The policy's scenarios, or those of one clause id and its sub-ids."""
    from iprules.scenarios import policy_scenarios

    _known_clause(policy, clause)
    return [s for s in policy_scenarios(policy) if not clause or within(s.clause, clause)]


def _scenarios(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.review import render_scenarios

    policy = load(args)
    chosen = _chosen_scenarios(policy, args.clause)
    sys.stdout.write(render_scenarios(chosen, lang))
    return EXIT_OK


def _drill(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.drill import drill

    policy = load(args)
    chosen = _chosen_scenarios(policy, args.clause)

    def ask(prompt: str) -> str | None:
        try:
            return input(prompt)
        except EOFError:
            return None

    drill(chosen, policy, lang, ask, print)
    return EXIT_OK


def _explain(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.explain import facts_of_case, render_case

    policy = load(args)
    refuse_folders(list(args.ledgers))
    report = check(list(args.ledgers), policy, args.as_of or dt.date.today(), jobs=1)
    cases = sorted({finding.case for finding in report.findings})
    if args.case not in cases:
        near = difflib.get_close_matches(args.case, cases, n=3)
        hint = ("，是否指 " + "、".join(near) + "？") if near else ""
        hint_en = (f"; did you mean {', '.join(near)}?") if near else ""
        raise UsageError(
            f"台账中没有案件 {args.case}（或没有任何规则适用于它）{hint}",
            f"no case {args.case} in the ledgers (or no rule applies to it){hint_en}",
        )
    facts = facts_of_case(list(args.ledgers), policy, args.as_of or dt.date.today(), args.case)
    sys.stdout.write(render_case(report, policy, args.case, lang, facts))
    return EXIT_OK


def _lint(args: argparse.Namespace, lang: Lang) -> int:
    if args.policy_folder is not None:
        args.policy = args.policy_folder
    policy = load(args)
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
    problems += _not_encoded_problems(policy, encoded, lang)
    out = sys.stderr if args.deep and args.format == "json" else sys.stdout  # stdout: the JSON alone
    for problem in problems:
        print(problem, file=out)
    summary = (
        f"{policy.folder}: 规则 {len(policy.rules)} 条，条款 {len(policy.clauses)} 条，问题 {len(problems)} 个"
        if lang == "zh"
        else f"{policy.folder}: {len(policy.rules)} rules, {len(policy.clauses)} clauses, {len(problems)} problems"
    )
    print(summary, file=out)
    print(readings_count(policy, lang), file=out)
    deep = deep_lint(args, policy, lang) if args.deep else EXIT_OK
    return EXIT_VIOLATIONS if problems else deep


def _serve(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.web.serve import ServeRefused, serve

    try:
        serve(args.host, args.port, args.password, args.max_upload_mb, args.keep_minutes, lang, args.db)
    except ServeRefused as refused:
        print(f"iprules: {refused.message(lang)}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _not_encoded_problems(policy: Policy, encoded: set[str], lang: Lang) -> list[str]:
    """not_encoded.yaml names parts of *encoded* clauses, each once (the loader has already
    checked that each names a known clause and quotes its text)."""
    problems = []
    seen: set[tuple[str, str]] = set()
    for part in policy.not_encoded:
        where = f"{part.file}:{part.line}"
        if part.clause not in encoded:
            problems.append(
                f"{where}: 条款 {part.clause} 没有规则编码（整条{'已豁免' if part.clause in policy.waivers else '未检查'}），不必列出其未编码的部分：删去此项"
                if lang == "zh"
                else f"{where}: clause {part.clause} is not encoded by any rule (the whole clause is "
                f"{'waived' if part.clause in policy.waivers else 'unchecked'}); drop this entry"
            )
        if (part.clause, part.part.zh) in seen:
            problems.append(
                f"{where}: 条款 {part.clause} 的未编码部分“{part.part.zh}”重复列出：删去其一"
                if lang == "zh"
                else f"{where}: the part '{part.part.zh}' of clause {part.clause} is listed twice: keep one"
            )
        seen.add((part.clause, part.part.zh))
    return problems


_COMMANDS: dict[str, Callable[[argparse.Namespace, Lang], int]] = {
    "serve": _serve,
    "check": _check,
    "clauses": _clauses,
    "scenarios": _scenarios,
    "template": _template,
    "drill": _drill,
    "explain": _explain,
    "lint": _lint,
    "calendar": _calendar,
}
# the commands of iprules.commands modules, filled in as the parser is built
_REGISTERED: dict[str, Callable[[argparse.Namespace, Lang], int]] = {}


class Stopped(Exception):
    """SIGTERM, turned into an exception so that every `finally` (spools, temporary report
    files, worker processes) runs before the process ends."""


def _stop(signum: int, frame: object) -> None:
    raise Stopped


def _lang_of(argv: list[str]) -> Lang:
    """--lang, read before parsing, so that the help and argparse's errors are in it."""
    for index, item in enumerate(argv):
        if item == "--lang" and index + 1 < len(argv) and argv[index + 1] in ("zh", "en"):
            return cast(Lang, argv[index + 1])
        if item.startswith("--lang="):
            value = item.split("=", 1)[1]
            if value in ("zh", "en"):
                return cast(Lang, value)
    return "zh"


def main(argv: list[str] | None = None) -> int:
    """Every way a run can end maps to an exit code; no traceback reaches a user: an
    unexpected error is exit 2 (never 1, which means "violations found") with a message
    and the details saved to a file to send with a report of the problem."""
    arguments = sys.argv[1:] if argv is None else argv
    lang = _lang_of(arguments)
    args = _parser(lang).parse_args(arguments)
    previous = signal.signal(signal.SIGTERM, _stop) if _main_thread() else None
    try:
        return {**_COMMANDS, **_REGISTERED}[args.command](args, lang)
    except PolicyError as error:
        print(error.render(lang), file=sys.stderr)
    except (OutputError, LedgerFileError) as error:
        print(str(error), file=sys.stderr)
    except UsageError as error:
        print(f"iprules: {error.words(lang)}", file=sys.stderr)
    except (KeyboardInterrupt, Stopped):
        say_to_user(
            lang,
            "iprules：已中断，报告未写完（原有报告文件未改动）",
            "iprules: interrupted; no report was completed (an earlier report file is unchanged)",
        )
    except BrokenPipeError:
        _quiet_stdout()
        say_to_user(
            lang,
            "iprules：输出管道已被关闭，报告未写完",
            "iprules: the output pipe was closed before the report was complete",
        )
    except OSError as error:
        say_to_user(
            lang,
            f"iprules：无法写出报告（{error.strerror}）：请检查磁盘空间和输出位置",
            f"iprules: cannot write the report ({error.strerror}): check the disk space and where it goes",
        )
    except Exception as error:  # the last line of defence: a message, never a traceback
        _unexpected(error, lang)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return EXIT_ERROR


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _quiet_stdout() -> None:
    """After a closed pipe, send what is left to /dev/null so the interpreter's own last
    flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _unexpected(error: Exception, lang: Lang) -> None:
    import tempfile
    import traceback

    details = "".join(traceback.format_exception(error))
    saved = ""
    try:
        with tempfile.NamedTemporaryFile(
            "w", prefix="iprules-error-", suffix=".txt", delete=False, encoding="utf-8"
        ) as handle:
            handle.write(f"iprules {__version__}\n{' '.join(sys.argv)}\n\n{details}")
            saved = handle.name
    except OSError:
        pass
    kind = type(error).__name__
    say_to_user(
        lang,
        f"iprules：意外错误（{kind}：{error}），检查未完成，结果不可作为合规依据。"
        f"请把所用命令和{'文件 ' + saved + ' ' if saved else '这条信息'}发给 iprules 的维护者（见 README“报告问题”）",
        f"iprules: unexpected error ({kind}: {error}); the check did not finish and its result is no "
        f"clean pass. Please send the command and {'the file ' + saved if saved else 'this message'} "
        "to the maintainers of iprules (README, 'Reporting a problem')",
    )
