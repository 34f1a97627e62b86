"""The JSON report keeps the documented shape: docs/report.schema.json."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from iprules.check import check
from iprules.policy.load import load_policy
from iprules.report.json import render_json

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports() -> list[dict[str, Any]]:
    policy = load_policy(ROOT / "rules" / "maojian")
    paths = [ROOT / "examples" / name for name in ("台账.jsonl", "台账.csv", "台账.xlsx")]
    report = check(paths, policy, dt.date(2026, 11, 25))
    return [json.loads(render_json(report, policy, lang)) for lang in ("zh", "en")]


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_reports_in_both_languages_validate_against_the_schema(reports: list[dict[str, Any]]) -> None:
    for report in reports:
        jsonschema.Draft202012Validator(SCHEMA).validate(report)
    evidence = [item for finding in reports[0]["findings"] for item in finding["evidence"]]
    assert any("sheet" in item for item in evidence), (
        "workbook sources (with a sheet) are part of what is validated"
    )


def test_the_schema_rejects_a_report_that_breaks_the_shape(reports: list[dict[str, Any]]) -> None:
    broken = json.loads(json.dumps(reports[0]))
    broken["findings"][0]["verdict"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)
    renamed = json.loads(json.dumps(reports[0]))
    renamed["summary"]["read"] = renamed["summary"].pop("records_read")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(renamed, SCHEMA)
