"""Closed vocabularies agree with themselves: every Chinese word maps to a code the model accepts."""

from __future__ import annotations

import typing

import pytest

from iprules.ledger.columns import _vocabulary
from iprules.ledger.model import RECORD_KINDS
from iprules.ledger.service import NOTICE_CONTENTS, NoticeContent


def literal_codes(annotation: object) -> set[str]:
    codes: set[str] = set()
    for arg in typing.get_args(annotation):
        if isinstance(arg, str):
            codes.add(arg)
        else:
            codes |= literal_codes(arg)
    return codes


@pytest.mark.parametrize("kind", sorted(RECORD_KINDS))
def test_every_chinese_word_maps_to_a_code_the_model_accepts(kind: str) -> None:
    for name, info in RECORD_KINDS[kind].model_fields.items():
        words = _vocabulary(info)
        if words:
            accepted = literal_codes(info.annotation)
            assert set(words.values()) <= accepted, (kind, name, set(words.values()) - accepted)


def test_notice_contents_words_and_codes_agree() -> None:
    assert set(NOTICE_CONTENTS.values()) == literal_codes(NoticeContent)
