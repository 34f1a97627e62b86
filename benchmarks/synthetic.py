"""Synthetic ledgers: a realistic mix of record kinds, compliant and violating cases, seeded.

The benchmark and the tests share this generator so that what is measured is what is checked.
Record kinds with a hand-written maker below get realistic cases; any other kind in
`RECORD_KINDS` is still generated, field by field from its model (so a new kind is covered the
day it is added, if not yet realistically).
"""

from __future__ import annotations

import datetime as dt
import random
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from pydantic.fields import FieldInfo

from iprules.ledger.model import RECORD_KINDS

Raw = dict[str, Any]

POSITIONS = ["局长", "副局长", "股长", "所长", "副股长", "科员", "窗口工作人员", "办事员", "见习生"]
UNITS = [
    "茅箭区市场监管局执法大队",
    "武当路市场监管所",
    "二堰市场监管所",
    "茅箭区市场监管局办公室",
    "十堰市市场监督管理局",
    "十堰市知识产权保护中心",
    "某律师事务所",
    "十堰市市场监管综合执法支队",  # not in the policy's units; EXTRA_UNITS places it
]
# A variant policy's unit (another bureau's list would have it): a brigade that is not the district's.
EXTRA_UNITS = {"十堰市市场监管综合执法支队": {"org": "city", "role": "brigade"}}
ENTERPRISES = ["东风零部件公司", "武当山茶业", "汉江药业", "车城机电"]
START = dt.date(2024, 1, 2)


def roster(size: int = 40, seed: int = 0) -> list[Raw]:
    """Staff records: names 员工0…, positions cycling through the policy's ranking (and one it lacks)."""
    rng = random.Random(seed)
    return [
        {"type": "staff", "name": f"员工{n}", "position": rng.choice(POSITIONS), "unit": rng.choice(UNITS)}
        for n in range(size)
    ]


def _day(rng: random.Random) -> str:
    return (START + dt.timedelta(days=rng.randrange(700))).isoformat()


def _inquiries(case: str, rng: random.Random, staff: int) -> list[Raw]:
    records: list[Raw] = []
    for _ in range(rng.randint(3, 11)):
        asked = [f"员工{rng.randrange(staff)}" for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.05:
            asked.append("临时工")  # not in the roster: an undetermined comparison
        record: Raw = {
            "type": "inquiry",
            "case": case,
            "date": _day(rng),
            "asked": list(dict.fromkeys(asked)),
        }
        roll = rng.random()  # one draw, so the sequence of the rest of the ledger stays the same
        if not 0.6 <= roll < 0.66:  # now and then 同时被问 left blank: an undetermined first responder
            record["together"] = roll < 0.6
        records.append(record)
    return records


def _first_responder(case: str, rng: random.Random, staff: int, inquiries: list[Raw]) -> list[Raw]:
    if inquiries and rng.random() < 0.7:
        earliest = min(inquiries, key=lambda r: str(r["date"]))
        name = rng.choice(earliest["asked"])  # usually right, sometimes a lower rank
    else:
        name = f"员工{rng.randrange(staff)}"
    record: Raw = {"type": "first_responder", "case": case, "staff": name}
    if rng.random() < 0.8:
        record["date"] = _day(rng)
    if rng.random() < 0.05:  # now and then a case file that names two first responders
        return [record, {"type": "first_responder", "case": case, "staff": f"员工{rng.randrange(staff)}"}]
    return [record]


def _disputes(case: str, rng: random.Random, staff: int) -> list[Raw]:
    records: list[Raw] = []
    for _ in range(rng.randint(1, 2)):
        record: Raw = {
            "type": "dispute",
            "case": case,
            "enterprise": rng.choice(ENTERPRISES),
        }
        if rng.random() < 0.9:  # a blank must be undetermined, never "not a key enterprise"
            record["key_enterprise"] = rng.random() < 0.75
        if rng.random() < 0.95:
            record["kind"] = rng.choice(["trademark", "patent", "商标", "专利"])
        if rng.random() < 0.95:
            filed = dt.date.fromisoformat(_day(rng))
            record["date"] = filed.isoformat()
            if rng.random() < 0.8:  # closed within the period, after it, or (a clerk's slip) before filing
                record["closed_date"] = (filed + dt.timedelta(days=rng.randint(-5, 150))).isoformat()
        if rng.random() < 0.9:
            record["handled_by"] = rng.choice([*UNITS, "茅箭区市场监管局"])
        if rng.random() < 0.5:
            record["cooperation_requested"] = rng.random() < 0.7
        if rng.random() < 0.6:
            record["cooperated_by"] = rng.sample(UNITS, rng.randint(1, 2))
        records.append(record)
    return records


def _generic(kind: str) -> Callable[[str, random.Random, int], list[Raw]]:
    """Any record kind, built field by field from its model: a baseline for kinds added later."""
    model = RECORD_KINDS[kind]

    def make(case: str, rng: random.Random, staff: int) -> list[Raw]:
        record: Raw = {"type": kind}
        for name, info in model.model_fields.items():
            if name in ("type", "note"):
                continue
            if name == "case":
                record[name] = case
            elif info.is_required() or rng.random() < 0.7:
                value = _value(info, rng, staff)
                if value is not None:
                    record[name] = value
        return [record]

    return make


def _value(info: FieldInfo, rng: random.Random, staff: int) -> Any:
    annotation: Any = info.annotation
    for _ in range(4):  # unwrap Optional / Annotated
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif typing.get_origin(annotation) in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    origin = typing.get_origin(annotation)
    if annotation is bool:
        return rng.random() < 0.5
    if annotation is int:
        return rng.randrange(0, 30)
    if annotation is float:
        return rng.randrange(0, 300) / 10
    if annotation is dt.date:  # within a few weeks, so that deadlines are met and missed
        return (START + dt.timedelta(days=rng.randrange(40))).isoformat()
    if origin is typing.Literal:
        return rng.choice(typing.get_args(annotation))
    if origin is list:
        item = typing.get_args(annotation)[0]
        if typing.get_origin(item) is typing.Annotated:
            item = typing.get_args(item)[0]
        if typing.get_origin(item) is typing.Literal:
            words = typing.get_args(item)
            return rng.sample(words, rng.randint(0, min(2, len(words))))
        return [f"员工{rng.randrange(staff)}" for _ in range(rng.randint(0, 2))]
    if annotation is str:
        return rng.choice([f"员工{rng.randrange(staff)}", rng.choice(UNITS), rng.choice(ENTERPRISES)])
    return None


CASE_MAKERS: dict[str, Callable[[str, random.Random, int], list[Raw]]] = {
    "dispute": _disputes,
}


def case_records(case: str, rng: random.Random, staff: int = 40, others: float = 0.1) -> list[Raw]:
    """One case's records (about ten): inquiries and a first responder, often a dispute, and
    now and then a record of a kind no hand-written maker knows."""
    records: list[Raw] = []
    roll = rng.random()
    if roll < 0.03:
        records += _first_responder(case, rng, staff, [])  # a case file with no inquiry on record
    elif roll < 0.9:
        inquiries = _inquiries(case, rng, staff)
        records += inquiries + _first_responder(case, rng, staff, inquiries)
    if rng.random() < 0.4:
        records += CASE_MAKERS["dispute"](case, rng, staff)
    kinds = _other_kinds()
    while kinds and (rng.random() < others or not records):
        for _ in range(rng.randint(1, 2)):
            records += _generic(rng.choice(kinds))(case, rng, staff)
    return records or _disputes(case, rng, staff)


def _other_kinds() -> list[str]:
    return sorted(set(RECORD_KINDS) - {"staff", "inquiry", "first_responder", *CASE_MAKERS})


def ledger(cases: int, seed: int = 0, staff: int = 40) -> Iterator[Raw]:
    """The roster first, then every case's records in turn."""
    rng = random.Random(seed)
    yield from roster(staff, seed)
    for number in range(cases):
        yield from case_records(f"C{number:07d}", rng, staff)


def write_ledger(path: Path, records: int, seed: int = 0, files: int = 1, shuffle_window: int = 0) -> int:
    """Write `records` records (a few more, to end with a whole case) over `files` files;
    cases spread over files and, with a window, out of order (each file's lines shuffled
    within windows of that many lines). Returns the number of records written."""
    rng = random.Random(seed + 1)
    handles = [
        (path if files == 1 else path.with_name(f"{path.stem}.{n}{path.suffix}")).open("wb")
        for n in range(files)
    ]
    buffers: list[list[bytes]] = [[] for _ in handles]
    written = 0

    def flush(index: int) -> None:
        if shuffle_window:
            rng.shuffle(buffers[index])
        handles[index].writelines(buffers[index])
        buffers[index].clear()

    try:
        # cases as many as it takes (the generator is lazy), ending with a whole case
        last_case = None
        for raw in ledger(records, seed):
            case = raw.get("case")
            if written >= records and case != last_case and raw.get("type") != "staff":
                break
            last_case = case
            index = rng.randrange(files)
            buffers[index].append(orjson.dumps(raw) + b"\n")
            written += 1
            if len(buffers[index]) >= max(1, shuffle_window):
                flush(index)
        for index in range(len(handles)):
            flush(index)
    finally:
        for handle in handles:
            handle.close()
    return written
