"""Uploaded ledgers: named safely, typed by their bytes, saved into the check's own folder.

The name a browser sends is only a label: its last path part is kept (so `../../etc/x.csv`
is `x.csv`), characters a file name or a page should not hold are dropped, and it is saved
inside the check's ledger folder under that name, never anywhere a browser could choose.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from iprules.i18n import Text, text

TEXT_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".txt")
ZIP_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".ods")
OLE_SUFFIXES = (".xls",)
SUFFIXES = TEXT_SUFFIXES + ZIP_SUFFIXES + OLE_SUFFIXES
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_NAME = 80

_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"|?*&\'`\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]')


class UploadRefused(Exception):
    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


@dataclass(frozen=True)
class Saved:
    name: str  # as saved, inside the ledger folder
    bytes: int


def safe_name(given: str, number: int) -> str:
    """A plain file name from whatever the browser sent."""
    name = unicodedata.normalize("NFC", given or "").replace("\\", "/").split("/")[-1]
    name = _UNSAFE.sub("", name).strip().lstrip(".").strip()
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    suffix = f".{suffix.lower()}" if suffix else ""
    stem = stem[: MAX_NAME - len(suffix)].strip() or f"台账{number}"
    return stem + suffix


def unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    stem, dot, suffix = name.rpartition(".")
    for n in range(2, 1000):
        candidate = f"{stem} ({n}).{suffix}" if dot else f"{name} ({n})"
        if candidate not in taken:
            return candidate
    raise UploadRefused(text("同名文件过多", "too many files of one name"))


def check_type(name: str, head: bytes) -> None:
    """The file's name must be a ledger format, and a workbook's bytes must be a workbook."""
    suffix = Path(name).suffix.lower()
    formats = "、".join(SUFFIXES)
    if suffix not in SUFFIXES:
        raise UploadRefused(
            text(
                f"“{name}”不是台账文件：可上传的格式为 {formats}",
                f"'{name}' is not a ledger file: the formats accepted are {', '.join(SUFFIXES)}",
            )
        )
    if (suffix in ZIP_SUFFIXES and not head.startswith(ZIP_MAGIC)) or (
        suffix in OLE_SUFFIXES and not head.startswith(OLE_MAGIC)
    ):
        raise UploadRefused(
            text(
                f"“{name}”的扩展名是 {suffix}，但内容不是这种工作簿（可能已损坏或改过扩展名）：请在 Excel 中另存为 {suffix} 后再上传",
                f"'{name}' is named {suffix} but its bytes are not such a workbook (damaged, or renamed): "
                f"save it again as {suffix} in Excel and upload it again",
            )
        )
