"""Parsed feature files are kept between runs by their text's hash, and never read stale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iprules.policy.feature_cache import cached_parse


def _counting() -> tuple[list[str], Any]:
    seen: list[str] = []

    def parse(text: str) -> dict[str, Any]:
        seen.append(text)
        return {"feature": {"name": text}}

    return seen, parse


def test_the_same_text_is_parsed_once_and_a_changed_text_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPRULES_CACHE", str(tmp_path))
    seen, parse = _counting()
    assert cached_parse("功能: 甲", parse) == {"feature": {"name": "功能: 甲"}}
    assert cached_parse("功能: 甲", parse) == {"feature": {"name": "功能: 甲"}}
    assert cached_parse("功能: 乙", parse) == {"feature": {"name": "功能: 乙"}}
    assert seen == ["功能: 甲", "功能: 乙"]
    assert not list(tmp_path.glob(".*.part")), "no half-written file is left behind"


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("IPRULES_CACHE", str(blocked / "cache"))
    seen, parse = _counting()
    assert cached_parse("x", parse) == cached_parse("x", parse) == {"feature": {"name": "x"}}
    assert seen == ["x", "x"]


def test_a_damaged_entry_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPRULES_CACHE", str(tmp_path))
    seen, parse = _counting()
    cached_parse("y", parse)
    for entry in tmp_path.glob("feature-*.json"):
        entry.write_bytes(b"{half")
    assert cached_parse("y", parse) == {"feature": {"name": "y"}}
    assert seen == ["y", "y"]


def test_off_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPRULES_CACHE", "off")
    seen, parse = _counting()
    cached_parse("z", parse)
    cached_parse("z", parse)
    assert seen == ["z", "z"]
