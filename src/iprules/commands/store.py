"""The store of checks on the command line: check --record, history, diff, rectify
(iprules.store)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from iprules.commands.common import (
    EXIT_ERROR,
    EXIT_OK,
    UsageError,
    audit_date,
    load,
    positive_number,
    refuse_folders,
    say_to_user,
)
from iprules.i18n import Lang
from iprules.policy.load import Policy
from iprules.policy.yamlfile import PolicyError
from iprules.report.view import nothing_checked


def store_options(check_cmd: argparse.ArgumentParser, say: Callable[[str, str], str]) -> None:
    check_cmd.add_argument(
        "--record",
        action="store_true",
        help=say(
            "把本次检查（时间、检查人、政策及版本、审计基准日、输入文件、汇总和结论）记入检查记录库",
            "record this check (when, who, policy and version, audit date, inputs, summary, findings) in the store",
        ),
    )
    check_cmd.add_argument(
        "--by",
        default=None,
        metavar=say("检查人", "NAME"),
        help=say("记录的检查人（默认当前系统用户）", "who ran the check, as recorded (default: the OS user)"),
    )
    db_option(check_cmd, say)


def db_option(parser: argparse.ArgumentParser, say: Callable[[str, str], str]) -> None:
    parser.add_argument(
        "--db",
        default=None,
        metavar=say("库", "URL"),
        help=say(
            "检查记录库：SQLite 文件路径，或 postgresql://用户@主机/库名（默认环境变量 IPRULES_DB，否则 ./iprules.db）",
            "the store of checks: an SQLite file path, or postgresql://user@host/database "
            "(default: IPRULES_DB, else ./iprules.db)",
        ),
    )


def register(
    command: Callable[[str, str, str], argparse.ArgumentParser], say: Callable[[str, str], str]
) -> dict[str, Callable[[argparse.Namespace, Lang], int]]:
    history_cmd = command("history", "列出检查记录库中已记录的检查", "list the checks recorded in the store")
    db_option(history_cmd, say)
    history_cmd.add_argument(
        "--format", choices=["text", "json"], default="text", help=say("输出格式", "output format")
    )
    diff_cmd = command(
        "diff",
        "比较两次检查：按案件和条款列出已纠正、新出现、仍存在和结论改变的问题",
        "compare two checks: per case and clause, what is fixed, new, persisting or changed",
    )
    for name, zh, en in (("before", "之前", "BEFORE"), ("after", "之后", "AFTER")):
        diff_cmd.add_argument(
            name,
            metavar=say(zh, en),
            help=say(
                "已记录检查的编号（见 iprules history），或 iprules check --format json 写出的报告文件",
                "a recorded check's number (see iprules history), or a report written by iprules check --format json",
            ),
        )
    db_option(diff_cmd, say)
    diff_cmd.add_argument(
        "--format", choices=["text", "json"], default="text", help=say("输出格式", "output format")
    )
    _rectify_command(command, say)
    return {"history": _history, "diff": _diff, "rectify": _rectify}


def open_store(args: argparse.Namespace, existing: bool = True) -> Any:
    """The store of --db; `existing`: only one already made (all but check --record)."""
    from iprules.store import Store, StoreError

    try:
        return Store.open(args.db, existing=existing)
    except StoreError as error:
        raise UsageError(error.words.zh, error.words.en) from error


def record(store: Any, checked: Any, policy: Policy, args: argparse.Namespace, lang: Lang) -> None:
    from iprules.store import StoreError

    with store:
        if nothing_checked(checked.head.summary) is not None:
            say_to_user(lang, "未记录：本次没有检查任何内容", "not recorded: this check checked nothing")
            return
        try:
            number = store.record(checked.head, checked.findings(), policy, by=args.by)
        except StoreError as error:
            raise UsageError(error.words.zh, error.words.en) from error
    from iprules.store.location import shown

    say_to_user(
        lang,
        f"已记录为检查 #{number}（{shown(store.url)}）",
        f"Recorded as check #{number} ({shown(store.url)})",
    )


def _history(args: argparse.Namespace, lang: Lang) -> int:
    import json

    from iprules.history import history_json, render_history
    from iprules.store import StoreError
    from iprules.store.location import shown

    with open_store(args) as store:
        try:
            checks = store.checks()
        except StoreError as error:
            raise UsageError(error.words.zh, error.words.en) from error
        if args.format == "json":
            print(json.dumps(history_json(checks), ensure_ascii=False, indent=2))
        else:
            sys.stdout.write(render_history(checks, shown(store.url), lang))
    return EXIT_OK


def _diff(args: argparse.Namespace, lang: Lang) -> int:
    import json

    from iprules.diff import compare, diff_json, render_diff
    from iprules.store import StoreError

    try:
        before, after = _diff_side(args, args.before), _diff_side(args, args.after)
    except StoreError as error:
        raise UsageError(error.words.zh, error.words.en) from error
    diff = compare(before, after)
    if args.format == "json":
        print(json.dumps(diff_json(diff, lang), ensure_ascii=False, indent=2))
        return EXIT_OK
    try:
        rules = {rule.id: rule.title for rule in load(args).rules}
    except PolicyError:
        rules = {}  # the diff stands without the policy: rules are then named by their ids

    def title(rule: str) -> str | None:
        found = rules.get(rule)
        return found(lang) if found is not None else None

    sys.stdout.write(render_diff(diff, lang, title))
    return EXIT_OK


def _diff_side(args: argparse.Namespace, given: str) -> Any:
    from iprules.diff import side_of_check, side_of_report
    from iprules.store import StoreError

    path = Path(given)
    if path.is_file():
        return side_of_report(path)
    number = given.lstrip("#")
    if not number.isdigit():
        raise StoreError(
            f"{given}：既不是已记录检查的编号，也不是存在的 JSON 报告文件（iprules history 列出已记录的检查）",
            f"{given}: neither a recorded check's number nor an existing JSON report file "
            "(iprules history lists the recorded checks)",
        )
    with open_store(args) as store:
        check = store.check(int(number))
        return side_of_check(check, store.findings(check.id))


def _rectify_command(
    command: Callable[[str, str, str], argparse.ArgumentParser], say: Callable[[str, str], str]
) -> None:
    rectify_cmd = command(
        "rectify",
        "整改台账：由已记录检查的违规生成整改事项，导出给各单位填写，导入整改情况，由之后的检查复查",
        "rectification register: items from a recorded check's violations, exported for the units, "
        "their answers imported, verified by a later check",
    )
    shared = argparse.ArgumentParser(add_help=False)
    db_option(shared, say)
    shared.add_argument("--lang", choices=["zh", "en"], default="zh", help=say("输出语言", "output language"))
    shared.add_argument(
        "--policy",
        type=Path,
        default=None,
        metavar=say("政策文件夹", "FOLDER"),
        help=say("政策文件夹（默认 rules/maojian）", "policy folder (default: rules/maojian)"),
    )

    def as_of(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--as-of",
            type=audit_date,
            default=None,
            metavar="YYYY-MM-DD",
            help=say("判断是否逾期的日期（默认今天）", "the day overdue is judged on (default today)"),
        )

    actions = rectify_cmd.add_subparsers(dest="action", required=True, metavar=say("操作", "ACTION"))

    def action(name: str, zh: str, en: str) -> argparse.ArgumentParser:
        return actions.add_parser(name, parents=[shared], help=say(zh, en), description=say(zh, en))

    opened = action(
        "open", "由已记录检查的每条违规生成整改事项", "an item for every violation of a recorded check"
    )
    opened.add_argument(
        "check",
        type=int,
        metavar=say("检查编号", "CHECK"),
        help=say("已记录检查的编号", "a recorded check's number"),
    )
    opened.add_argument(
        "ledgers",
        nargs="+",
        type=Path,
        metavar=say("台账", "LEDGER"),
        help=say(
            "该次检查所用的台账文件（用于找出责任单位和责任人）",
            "the ledgers that check read (for the responsible unit and person)",
        ),
    )
    opened.add_argument(
        "--days",
        type=positive_number,
        default=None,
        metavar="N",
        help=say(
            "整改期限：审计基准日后第 N 个工作日（默认取政策参数 rectification_working_days）",
            "due N working days after the audit date (default: the policy parameter rectification_working_days)",
        ),
    )
    exported = action(
        "export", "把整改事项导出为各单位填写的 Excel 工作簿", "export the items as a workbook for the units"
    )
    exported.add_argument(
        "workbook",
        type=Path,
        metavar=say("工作簿", "WORKBOOK"),
        help=say("如 整改台账.xlsx", "e.g. register.xlsx"),
    )
    exported.add_argument(
        "--check",
        type=int,
        default=None,
        metavar=say("检查编号", "CHECK"),
        help=say("只导出这次检查的事项", "only this check's items"),
    )
    as_of(exported)
    imported = action("import", "导入各单位填好的整改台账", "import the units' filled-in register")
    imported.add_argument(
        "workbook",
        type=Path,
        metavar=say("工作簿", "WORKBOOK"),
        help=say("填好的整改台账", "the filled-in register"),
    )
    as_of(imported)
    verified = action(
        "verify",
        "用之后的一次已记录检查复查：不再发现的事项为已复查",
        "verify against a later recorded check",
    )
    verified.add_argument(
        "check",
        type=int,
        metavar=say("检查编号", "CHECK"),
        help=say("之后的那次已记录检查", "the later recorded check"),
    )
    listed = action("list", "列出整改事项及其状态", "list the items and their status")
    listed.add_argument(
        "--check",
        type=int,
        default=None,
        metavar=say("检查编号", "CHECK"),
        help=say("只列这次检查的事项", "only this check's items"),
    )
    as_of(listed)


def _rectify(args: argparse.Namespace, lang: Lang) -> int:
    from sqlalchemy.exc import DBAPIError

    from iprules.store import StoreError

    try:
        with open_store(args) as store:
            return _RECTIFY[args.action](store, args, lang)
    except StoreError as error:
        raise UsageError(error.words.zh, error.words.en) from error
    except DBAPIError as error:  # e.g. two imports of one register at once: nothing was written
        reason = str(error.orig or error).strip().splitlines()[0]
        raise UsageError(
            f"整改台账未能写入（未改动任何内容）：{reason}",
            f"the register could not be written (nothing changed): {reason}",
        ) from error


def _rectify_open(store: Any, args: argparse.Namespace, lang: Lang) -> int:
    from iprules.calendar import Calendar
    from iprules.rectify import DAYS_PARAMETER, working_days
    from iprules.store.register import open_register

    policy = load(args)
    days = working_days(args.days, policy.parameters)
    if days is None:
        raise UsageError(
            f"《工作机制》没有规定整改期限：请用 --days N 给出（审计基准日后第 N 个工作日），或在政策参数中写 {DAYS_PARAMETER}",
            f"the document sets no period for rectification: give --days N (N working days after the audit date), "
            f"or the policy parameter {DAYS_PARAMETER}",
        )
    refuse_folders(list(args.ledgers))
    added, there = open_register(
        store, args.check, list(args.ledgers), days, Calendar.from_parameters(policy.parameters)
    )
    say_to_user(
        lang,
        f"检查 #{args.check}：新建整改事项 {added} 项，已有 {there} 项",
        f"check #{args.check}: {added} items opened, {there} already there",
    )
    return EXIT_OK


def _rectify_export(store: Any, args: argparse.Namespace, lang: Lang) -> int:
    from iprules.rectify_workbook import write_items
    from iprules.store.register import register_items

    if args.workbook.suffix.lower() != ".xlsx":
        raise UsageError(f"{args.workbook}：须为 .xlsx 文件", f"{args.workbook}: must be an .xlsx file")
    if args.workbook.exists():
        raise UsageError(
            f"{args.workbook}：文件已存在，为免覆盖各单位已填的整改台账，请换一个文件名",
            f"{args.workbook}: the file exists; choose another name so a filled-in register is never overwritten",
        )
    items = register_items(store, args.check)
    write_items(items, args.workbook, args.as_of or dt.date.today())
    say_to_user(
        lang,
        f"已导出整改事项 {len(items)} 项到 {args.workbook}",
        f"{len(items)} items exported to {args.workbook}",
    )
    return EXIT_OK


def _rectify_import(store: Any, args: argparse.Namespace, lang: Lang) -> int:
    from iprules.store.register import import_register

    result = import_register(store, args.workbook, args.as_of or dt.date.today())
    for sheet, row, reason in result.rejected:
        print(f"{args.workbook}:{sheet}!{row}: {reason(lang)}", file=sys.stderr)
    say_to_user(
        lang,
        f"导入已整改 {len(result.claims)} 项，未改动 {result.unchanged} 行，拒收 {len(result.rejected)} 行",
        f"{len(result.claims)} items marked rectified, {result.unchanged} rows unchanged, {len(result.rejected)} rows rejected",
    )
    return EXIT_ERROR if result.rejected else EXIT_OK


def _rectify_verify(store: Any, args: argparse.Namespace, lang: Lang) -> int:
    from iprules.store.register import verify_register

    verified, still = verify_register(store, args.check)
    say_to_user(
        lang,
        f"检查 #{args.check} 复查：已复查 {len(verified)} 项，仍发现 {len(still)} 项",
        f"check #{args.check}: {len(verified)} items verified, {len(still)} still found",
    )
    return EXIT_OK


def _rectify_list(store: Any, args: argparse.Namespace, lang: Lang) -> int:
    from iprules.policy.clauses import clause_label
    from iprules.rectify import STATE_WORDS
    from iprules.store.register import register_items

    as_of = args.as_of or dt.date.today()
    unknown = "（未记录）" if lang == "zh" else "(not recorded)"
    for item in register_items(store, args.check):
        due = item.due.isoformat() if item.due else unknown
        clauses = "、".join(clause_label(c) for c in item.clauses)
        print(
            f"{item.check_id}/{item.finding_id}  {item.case}  {clauses}  {STATE_WORDS[item.state(as_of)](lang)}  "
            f"{item.unit or unknown}  {item.person or unknown}  {due}"
        )
    return EXIT_OK


_RECTIFY: dict[str, Callable[[Any, argparse.Namespace, Lang], int]] = {
    "open": _rectify_open,
    "export": _rectify_export,
    "import": _rectify_import,
    "verify": _rectify_verify,
    "list": _rectify_list,
}
