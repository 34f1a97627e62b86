"""The JSONL reader under hostile input: arbitrary bytes, truncation, huge lines, deep
nesting, wrong encodings, NUL bytes, very wide objects. Never a crash or a hang: every
non-blank line becomes a record or a Rejection naming file and line, and the check's summary
reconciles records read = checked + rejected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from differential import policy
from iprules.check import check
from iprules.ledger.entry import Entry
from iprules.ledger.jsonl import read_jsonl
from iprules.ledger.rejection import Rejection
from iprules.ledger.warning import LedgerWarning

SEEDED = settings(
    derandomize=True, deadline=None, database=None, max_examples=150, suppress_health_check=list(HealthCheck)
)
GOOD = '{"type": "first_responder", "case": "A1", "staff": "张三"}\n'.encode()


def _read(path: Path) -> list[Entry | Rejection]:
    """What was read, without the warnings (an encoding guessed) that go beside it."""
    return [item for item in read_jsonl(path) if not isinstance(item, LedgerWarning)]


def _accounted(path: Path, items: list[Entry | Rejection]) -> None:
    # a line ends in LF, CRLF or a lone CR; a whitespace-only line is blank, as in the reader
    lines = [n for n, raw in enumerate(path.read_bytes().splitlines(), start=1) if raw.strip()]
    assert [i.source.line for i in items] == lines
    for item in items:
        assert item.source.file == str(path)
        if isinstance(item, Rejection):
            assert item.reason.zh and item.reason.en


@SEEDED
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("j") / "any.jsonl"
    path.write_bytes(GOOD + data + b"\n" + GOOD)
    items = _read(path)
    _accounted(path, items)
    assert isinstance(items[0], Entry)
    assert isinstance(items[-1], Entry)


@SEEDED
@given(cut=st.integers(1, len(GOOD) - 2))
def test_truncated_line_is_a_rejection(tmp_path_factory: pytest.TempPathFactory, cut: int) -> None:
    path = tmp_path_factory.mktemp("j") / "cut.jsonl"
    path.write_bytes(GOOD + GOOD[:cut])
    items = _read(path)
    assert isinstance(items[0], Entry)
    assert isinstance(items[1], Rejection) and items[1].source.line == 2


@pytest.mark.parametrize(
    "line",
    [
        b"[" * 100_000 + b"]" * 100_000,  # deeply nested
        b'{"a":' * 5_000 + b"1" + b"}" * 5_000,
        b'{"type": "first_responder", "case": "A1", "staff": "' + b"x" * 5_000_000 + b'"}',  # huge
        '{"type": "first_responder", "case": "A1", "staff": "张三"}'.encode("gbk"),  # wrong encoding
        '{"type": "first_responder", "case": "A1", "staff": "张三"}'.encode("utf-16"),
        b'{"type": "first_responder", "case": "A1\x00", "staff": "\x00"}',  # NUL bytes
        b"{" + b",".join(b'"f%d": %d' % (n, n) for n in range(10_000)) + b"}",  # 10,000 fields
        b'{"type": "first_responder", "case": "A1", "staff": "a", "staff": "b"}',  # duplicate key
        b"\xef\xbb\xbf" + GOOD.strip(),  # a BOM not on line 1
        b"null",
        b'"just a string"',
        b"1e999999",
    ],
)
def test_hostile_line_then_the_rest_is_read(tmp_path: Path, line: bytes) -> None:
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(GOOD + line + b"\n" + GOOD)
    items = _read(path)
    assert len(items) == 3
    assert isinstance(items[0], Entry) and isinstance(items[2], Entry)
    assert items[1].source.line == 2


def test_summary_reconciles_on_a_hostile_file(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(GOOD + b"\x00\xff garbage\n" + b"[" * 50_000 + b"\n" + GOOD.replace(b"A1", b"A2"))
    report = check([path], policy(), dt.date(2026, 1, 1), jobs=1)
    summary = report.summary
    assert summary.records_read == 4
    assert summary.records_read == summary.records_checked + summary.records_rejected
    assert summary.records_rejected == 2
    assert [r.source.line for r in report.rejections] == [2, 3]
