"""A check's own page: while it waits or runs, its place and progress; once done, what a
reader must know first (notices, the reconciliation, rejected rows with their fix, warnings),
the verdicts by clause, the ways to look further, the rollups with their charts
(`templates/rollups.html`), and the downloads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from iprules.check import Report
from iprules.i18n import Lang
from iprules.policy.load import Policy
from iprules.report.rollups import rollups_of
from iprules.report.view import notices, rule_clause_totals, scope_lines, scope_view
from iprules.web.index import Filters, Index
from iprules.web.jobs import Job, Jobs
from iprules.web.render import lang_of, page
from iprules.web.worker import HEAD, INDEX

LISTED_ON_TOP = 20


@dataclass
class Finished:
    job: Job
    head: Report
    policy: Policy
    index: Index


def find_job(request: Request) -> Job:
    jobs: Jobs = request.app.state.jobs
    job = jobs.get(request.path_params["job"])
    if job is None:
        raise HTTPException(404)
    return job


def rules_of_clause(policy: Policy) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for rule in policy.rules:
        for clause in rule.clauses:
            found.setdefault(clause, []).append(rule.id)
    return found


def finished(request: Request) -> Finished | Response:
    """The finished check a page is about, or where to go instead (its status page)."""
    job = find_job(request)
    if job.state != "done":
        return RedirectResponse(f"/check/{job.id}", status_code=303)
    if job.head is None:
        job.head = Report.model_validate_json((job.folder / HEAD).read_text(encoding="utf-8"))
    policy: Policy = request.app.state.policies[job.policy]
    return Finished(job, job.head, policy, Index(job.folder / INDEX, rules_of_clause(policy)))


def source_of(item: dict[str, Any]) -> str:
    sheet = item.get("sheet")
    return f"{item['file']}:{sheet}!{item['line']}" if sheet is not None else f"{item['file']}:{item['line']}"


def problems(items: list[Any], lang: Lang) -> list[dict[str, str]]:
    """Rejections or warnings as a page lists them: where, and what to do."""
    return [{"place": str(item.source), "reason": item.reason(lang)} for item in items]


async def overview(request: Request) -> Response:
    job = find_job(request)
    jobs: Jobs = request.app.state.jobs
    if job.state in ("queued", "running"):
        progress = job.progress()
        total = int(progress.get("total") or 0)
        done = int(progress.get("done") or 0)
        return page(
            request,
            "status.html",
            job=job,
            place=jobs.place(job),
            slots=jobs.slots,
            stage=progress.get("stage", "reading"),
            done=done,
            total=total,
            pct=(100 * done // total) if total else 0,
        )
    if job.state == "failed":
        lang = lang_of(request)
        error = job.error or {}
        return page(request, "failed.html", status=200, job=job, detail=error.get(lang, ""))
    result = finished(request)
    assert isinstance(result, Finished)
    lang = lang_of(request)
    with result.index as index:
        totals = rule_clause_totals(index.rule_verdicts(Filters()), result.policy)
    head = result.head
    return page(
        request,
        "result.html",
        job=job,
        head=head,
        policy=result.policy,
        changed=head.policy.version != result.policy.version,
        notices=notices(head.summary, lang, head.as_of.isoformat(), "below"),
        rejections=problems(head.rejections[:LISTED_ON_TOP], lang),
        warnings=problems(head.warnings[:LISTED_ON_TOP], lang),
        listed_on_top=LISTED_ON_TOP,
        by_clause=totals,
        scope=scope_lines(scope_view(result.policy, lang), lang),
        rollups=rollups_of(head, result.policy, lang),
        ttl_minutes=int(request.app.state.settings.ttl // 60),
        recorded=job.recorded(),
    )
