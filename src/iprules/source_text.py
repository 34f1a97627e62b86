"""The source document passage by passage, each with what the policy makes of it.

The policy's clauses and its non-normative fragments are verbatim parts of the source
document (tests/test_clauses.py holds them to that). Found again in the document, in its
order, they give the legal reviewer the text as the bureau issued it, each passage marked as
a clause (with its id), a passage that imposes no duty (with the reason), or — what must
stand out — text nothing in the policy accounts for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from iprules.policy.clauses import Clause
from iprules.policy.load import NonNormative, NotEncoded, Policy

# the enumeration marker a passage may follow on its line: 1. / 一、 / （一）
_MARKER = re.compile(r"(\d+\.|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)$")
_MARKERS = re.compile(r"\d+\.|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）")
_PUNCTUATION = re.compile(r"[，。；：、“”‘’（）《》！？,.;:()\s]+")
_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without white space: the source breaks lines (even inside a word) where a
    clause's text does not."""
    return _SPACE.sub("", text)


@dataclass(frozen=True)
class Passage:
    """One stretch of the source: a clause, a non-normative fragment, or neither."""

    start: int  # where it starts in the squeezed source (document order)
    text: str
    marker: str  # the enumeration marker just before it ("1.", "一、", "（一）") or ""
    clause: Clause | None = None
    non_normative: NonNormative | None = None

    @property
    def kind(self) -> str:
        if self.clause is not None:
            return "clause"
        return "non_normative" if self.non_normative is not None else "unaccounted"

    @property
    def heading(self) -> bool:
        """A part heading (一、…): the book starts a new part there."""
        return self.marker.endswith("、")


def passages(policy: Policy) -> list[Passage]:
    """Every clause and non-normative fragment where it stands in the source, and the text
    between them that neither accounts for, in document order."""
    source = squeeze(policy.source.read_text(encoding="utf-8"))
    taken = [False] * len(source)
    found: list[Passage] = []

    def place(text: str) -> int:
        needle = squeeze(text)
        start = source.find(needle)
        while start != -1 and any(taken[start : start + len(needle)]):
            start = source.find(needle, start + 1)
        if start != -1:
            taken[start : start + len(needle)] = [True] * len(needle)
        return start

    items: list[Clause | NonNormative] = [*policy.clauses, *policy.non_normative]
    for item in sorted(items, key=lambda i: -len(squeeze(i.text))):  # the longest first
        start = place(item.text)
        if start == -1:
            continue  # a text not in this source (a variant's own source): not placed
        marker = _MARKER.search(source[max(0, start - 5) : start])
        found.append(
            Passage(
                start=start,
                text=item.text,
                marker=marker.group(1) if marker else "",
                clause=item if isinstance(item, Clause) else None,
                non_normative=item if isinstance(item, NonNormative) else None,
            )
        )
    found += _unaccounted(source, taken)
    return sorted(found, key=lambda p: p.start)


def _unaccounted(source: str, taken: list[bool]) -> list[Passage]:
    gaps: list[Passage] = []
    start = None
    for index, used in enumerate([*taken, True]):
        if not used and start is None:
            start = index
        elif used and start is not None:
            text = source[start:index]
            if _PUNCTUATION.sub("", _MARKERS.sub("", text)):
                gaps.append(Passage(start=start, text=text, marker=""))
            start = None
    return gaps


@dataclass(frozen=True)
class Segment:
    """A piece of a clause's text: plain, or a part no rule checks (with why)."""

    text: str
    not_encoded: NotEncoded | None = None


def segments(clause: Clause, parts: list[NotEncoded]) -> list[Segment]:
    """The clause's text with its not-encoded parts cut out, so a page can mark them."""
    marks: list[tuple[int, int, NotEncoded]] = []
    for part in parts:
        at = clause.text.find(part.part.zh)
        while at != -1 and any(a < at + len(part.part.zh) and at < b for a, b, _ in marks):
            at = clause.text.find(part.part.zh, at + 1)
        if at != -1:
            marks.append((at, at + len(part.part.zh), part))
    pieces: list[Segment] = []
    done = 0
    for start, end, part in sorted(marks, key=lambda m: m[0]):
        if start > done:
            pieces.append(Segment(clause.text[done:start]))
        pieces.append(Segment(clause.text[start:end], part))
        done = end
    if done < len(clause.text):
        pieces.append(Segment(clause.text[done:]))
    return pieces
