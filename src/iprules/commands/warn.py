"""`iprules warn`: the open matters whose deadline is near or past, by unit and person
(iprules.early_warning)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path

from iprules.commands.common import (
    EXIT_OK,
    EXIT_VIOLATIONS,
    UsageError,
    audit_date,
    load,
    refuse_folders,
)
from iprules.i18n import Lang

DEFAULT_WITHIN = 5


def working_days(value: str) -> int:
    """A whole number of working days, 0 or more, in ASCII digits."""
    if not (value.isascii() and value.isdigit()):
        raise argparse.ArgumentTypeError(
            f"{value!r}：应为 0 或正整数（阿拉伯数字），如 5 / {value!r}: takes 0 or a positive whole number, e.g. 5"
        )
    return int(value)


def register(
    command: Callable[[str, str, str], argparse.ArgumentParser], say: Callable[[str, str], str]
) -> dict[str, Callable[[argparse.Namespace, Lang], int]]:
    warn_cmd = command(
        "warn",
        "预警：期限将到（N 个工作日内）或已过的未办结事项，按单位和责任人列出（退出码 1：有已逾期事项）",
        "early warning: open matters due within N working days or overdue, by unit and person "
        "(exit 1: something is overdue)",
    )
    warn_cmd.add_argument(
        "ledgers",
        nargs="+",
        type=Path,
        metavar=say("台账", "LEDGER"),
        help=say("台账文件（与 iprules check 相同）", "ledger files (as for iprules check)"),
    )
    warn_cmd.add_argument(
        "--as-of",
        type=audit_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=say("预警基准日（默认今天）", "the day the warning is for (default today)"),
    )
    warn_cmd.add_argument(
        "--within",
        type=working_days,
        default=DEFAULT_WITHIN,
        metavar="N",
        help=say(
            f"期限在基准日后 N 个工作日内的为将到期（默认 {DEFAULT_WITHIN}；0 为仅今日到期）",
            f"due within N working days of that day is due soon (default {DEFAULT_WITHIN}; 0: due today only)",
        ),
    )
    warn_cmd.add_argument(
        "--format", choices=["text", "json"], default="text", help=say("输出格式", "output format")
    )
    return {"warn": _warn}


def _warn(args: argparse.Namespace, lang: Lang) -> int:
    from iprules.early_warning import render_warning, warn, warning_json

    policy = load(args)
    refuse_folders(list(args.ledgers))
    as_of = args.as_of or dt.date.today()
    warning = warn(list(args.ledgers), policy, as_of, args.within)
    if warning.records_read == warning.records_rejected:
        raise UsageError(
            "没有可读的记录：台账为空，或每一条都未能读入（iprules check 列出原因），未作预警",
            "no record could be read: the ledger is empty or every row was rejected (iprules check says why); "
            "nothing was warned",
        )
    if args.format == "json":
        print(json.dumps(warning_json(warning, lang), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_warning(warning, lang))
    return EXIT_VIOLATIONS if warning.overdue else EXIT_OK
