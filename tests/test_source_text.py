"""The source document cut into its passages: every clause and non-normative fragment found
where the bureau wrote it, with the number it stands under, and nothing left unaccounted."""

from __future__ import annotations

from pathlib import Path

import pytest

from iprules.policy.load import Policy, load_policy
from iprules.source_text import passages, segments, squeeze

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


def test_every_clause_and_fragment_is_placed_once_in_the_documents_order(policy: Policy) -> None:
    found = passages(policy)
    source = squeeze(policy.source.read_text(encoding="utf-8"))
    assert sorted(p.clause.id for p in found if p.clause) == sorted(c.id for c in policy.clauses)
    assert len([p for p in found if p.non_normative]) == len(policy.non_normative)
    assert [p.start for p in found] == sorted(p.start for p in found)
    assert all(source[p.start : p.start + len(squeeze(p.text))] == squeeze(p.text) for p in found)
    assert [p for p in found if p.kind == "unaccounted"] == []


def test_a_passage_knows_the_number_it_stands_under(policy: Policy) -> None:
    markers = {p.clause.id: p.marker for p in passages(policy) if p.clause}
    assert markers["s2.1-timely"] == "（一）" and markers["s3.1"] == "1." and markers["s2.1-explain"] == ""
    headings = [p.text for p in passages(policy) if p.heading]
    assert headings[0] == "知识产权服务机构工作职责" and len(headings) == 5


def test_text_nothing_accounts_for_is_found(tmp_path: Path) -> None:
    policy = load_policy(ROOT / "rules" / "maojian")  # its own: the source is changed below
    source = tmp_path / "source.txt"
    source.write_text(
        policy.source.read_text(encoding="utf-8") + "\n六、新增的一条要求。\n", encoding="utf-8"
    )
    policy.source = source
    assert [p.text for p in passages(policy) if p.kind == "unaccounted"] == ["六、新增的一条要求。"]


def test_the_parts_no_rule_checks_are_cut_out_of_the_clause_text(policy: Policy) -> None:
    clause = policy.clause_by_id["s1.1-staff"]
    parts = [p for p in policy.not_encoded if p.clause == clause.id]
    pieces = segments(clause, parts)
    assert "".join(piece.text for piece in pieces) == clause.text
    assert [piece.text for piece in pieces if piece.not_encoded] == ["1至2名"]
