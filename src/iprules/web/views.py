"""The ways into a finished check: findings filtered by the URL, and the views by clause, by
case, by unit and by person, one case, and every rejected row. Each page is a few indexed
queries and one page of rows, so it answers at once however large the ledger."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from iprules.i18n import Lang
from iprules.ledger.roles import ROLES
from iprules.report.view import PackedView, rule_clause_totals
from iprules.results import PackedFinding
from iprules.web.index import VERDICTS, Filters
from iprules.web.render import lang_of, page
from iprules.web.result_page import Finished, finished, problems, source_of

FINDINGS_PER_PAGE = 50
ROWS_PER_PAGE = 100
MAX_FILTER = 200


def filters_of(request: Request) -> Filters:
    query = request.query_params
    values = {name: (query.get(name) or "").strip()[:MAX_FILTER] for name in Filters.__dataclass_fields__}
    if values["verdict"] not in VERDICTS:
        values["verdict"] = ""
    return Filters(**values)


def page_of(request: Request, total: int, size: int) -> tuple[int, int]:
    pages = max(1, -(-total // size))
    asked = request.query_params.get("page", "1")
    number = int(asked) if asked.isdigit() else 1
    return min(max(1, number), pages), pages


def shown(found: list[PackedFinding], result: Finished, lang: Lang) -> list[dict[str, Any]]:
    """Findings as the pages show them: `finding_view`'s dict, with each record's cells."""
    view = PackedView(result.policy, lang)
    items = [view(packed) for packed in found]
    places = {source_of(item) for finding in items for item in finding["evidence"]}
    records = result.index.records(places, lang)
    for finding in items:
        finding["records"] = [
            {"place": source_of(item), "cells": records.get(source_of(item), [])}
            for item in finding["evidence"]
        ]
        finding["unread"] = [source_of(item) for item in finding["affected_by"]]
    return items


def _context(result: Finished, filters: Filters) -> dict[str, Any]:
    clauses = [
        {"id": c["id"], "label": c["label"]}
        for c in rule_clause_totals(result.index.rule_verdicts(Filters()), result.policy)
    ]
    return {"job": result.job, "head": result.head, "filters": filters, "clause_choices": clauses}


async def findings(request: Request) -> Response:
    result = finished(request)
    if not isinstance(result, Finished):
        return result
    lang = lang_of(request)
    filters = filters_of(request)
    with result.index as index:
        counts = index.verdict_counts(filters)
        total = sum(counts.values())
        number, pages = page_of(request, total, FINDINGS_PER_PAGE)
        offset = (number - 1) * FINDINGS_PER_PAGE
        found = shown(index.findings(filters, offset, FINDINGS_PER_PAGE), result, lang)
        context = _context(result, filters)
    return page(
        request,
        "findings.html",
        **context,
        view="findings",
        counts=counts,
        total=total,
        findings=found,
        number=number,
        pages=pages,
        first=offset + 1 if total else 0,
        last=offset + len(found),
    )


async def clauses(request: Request) -> Response:
    result = finished(request)
    if not isinstance(result, Finished):
        return result
    filters = filters_of(request)
    with result.index as index:
        rows = rule_clause_totals(index.rule_verdicts(filters), result.policy)
        context = _context(result, filters)
    texts = result.policy.clause_by_id
    lang = lang_of(request)
    for row in rows:
        clause = texts.get(row["id"])
        row["text"] = "" if clause is None else (clause.text if lang == "zh" else clause.text_en)
    return page(request, "groups.html", **context, view="clauses", key="clause", rows=rows)


async def cases(request: Request) -> Response:
    result = finished(request)
    if not isinstance(result, Finished):
        return result
    filters = filters_of(request)
    with result.index as index:
        total, _ = index.cases(filters, 0, 0)
        number, pages = page_of(request, total, ROWS_PER_PAGE)
        offset = (number - 1) * ROWS_PER_PAGE
        _, rows = index.cases(filters, offset, ROWS_PER_PAGE)
        context = _context(result, filters)
    return page(
        request,
        "groups.html",
        **context,
        view="cases",
        key="case",
        rows=rows,
        number=number,
        pages=pages,
        total=total,
        first=offset + 1 if total else 0,
        last=offset + len(rows),
    )


async def units(request: Request) -> Response:
    return await _by_role(request, "units", ("unit",))


async def people(request: Request) -> Response:
    return await _by_role(request, "people", ("first_responder", "handler"))


async def _by_role(request: Request, view: str, roles: tuple[str, ...]) -> Response:
    result = finished(request)
    if not isinstance(result, Finished):
        return result
    filters = filters_of(request)
    with result.index as index:
        sections = [{"role": role, "rows": index.groups(role, filters)} for role in roles]
        context = _context(result, filters)
    return page(request, "roles.html", **context, view=view, sections=sections)


async def case(request: Request) -> Response:
    result = finished(request)
    if not isinstance(result, Finished):
        return result
    lang = lang_of(request)
    wanted = (request.query_params.get("id") or "").strip()[:MAX_FILTER]
    with result.index as index:
        if not index.has_case(wanted):
            context = _context(result, Filters())
            return page(request, "case.html", status=404, **context, case=wanted, missing=True)
        filters = Filters(case=wanted)
        found = shown(index.findings(filters, 0, 10_000), result, lang)
        tags = index.tags(wanted)
        counts = index.verdict_counts(filters)
        context = _context(result, Filters())
    return page(
        request, "case.html", **context, case=wanted, findings=found, tags=tags, roles=ROLES, counts=counts
    )


async def rejections(request: Request) -> Response:
    result = finished(request)
    if not isinstance(result, Finished):
        return result
    lang = lang_of(request)
    items = result.head.rejections
    number, pages = page_of(request, len(items), ROWS_PER_PAGE)
    offset = (number - 1) * ROWS_PER_PAGE
    result.index.close()
    return page(
        request,
        "rejections.html",
        job=result.job,
        head=result.head,
        rows=problems(items[offset : offset + ROWS_PER_PAGE], lang),
        warnings=problems(result.head.warnings, lang) if number == 1 else [],
        number=number,
        pages=pages,
        total=len(items),
        first=offset + 1 if items else 0,
        last=offset + min(ROWS_PER_PAGE, len(items) - offset),
    )
