"""What every command shares: exit codes, argument types, the policy it loads, and the
error a command raises when it is asked for something it cannot do."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from iprules.i18n import Lang, text
from iprules.policy.load import Policy, load_policy

EXIT_OK, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def default_policy() -> Path:
    """`rules/maojian` of the working directory, else of the checkout iprules runs from."""
    local = Path("rules/maojian")
    if (local / "policy.yaml").is_file():
        return local
    return Path(__file__).resolve().parents[3] / "rules" / "maojian"


def audit_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"{value!r}: 日期应写作 YYYY-MM-DD / dates are YYYY-MM-DD"
        ) from error


def positive_number(value: str) -> int:
    """A positive whole number in ASCII digits ('¹' and '２' pass str.isdigit but not int())."""
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise argparse.ArgumentTypeError(
            f"{value!r}：应为正整数（阿拉伯数字），如 2 / {value!r}: takes a positive whole number, e.g. 2"
        )
    return int(value)


def load(args: argparse.Namespace) -> Policy:
    return load_policy(args.policy or default_policy())


class UsageError(Exception):
    """A command asked for something it cannot do; the message says what and how to fix it."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.words = text(zh, en)


def say_to_user(lang: Lang, zh: str, en: str) -> None:
    print(zh if lang == "zh" else en, file=sys.stderr)


def refuse_folders(ledgers: list[Path]) -> None:
    for path in ledgers:
        if path.is_dir():
            raise UsageError(
                f"{path}：是文件夹，不是台账文件：请列出其中的台账文件，如 {path / '*.xlsx'}",
                f"{path}: is a folder, not a ledger file: name the ledger files in it, e.g. {path / '*.xlsx'}",
            )
