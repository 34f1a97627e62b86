"""预警 — open matters due soon or overdue, by unit and person (`iprules.early_warning`), for
uploaded ledgers or for the ledgers of a check the workbench ran."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from iprules.commands.warn import DEFAULT_WITHIN
from iprules.early_warning import STATUS_WORDS, UNRECORDED, EarlyWarning, Matter, counts, groups, warn
from iprules.i18n import Lang
from iprules.ledger.read import LedgerFileError
from iprules.policy.clauses import clause_label
from iprules.web.check_page import CHUNK
from iprules.web.jobs import Jobs
from iprules.web.render import lang_of, page
from iprules.web.result_page import find_job
from iprules.web.security import csrf_ok
from iprules.web.uploads import SUFFIXES, UploadRefused, check_type, safe_name, unique
from iprules.web.words import say

MAX_WITHIN = 250  # a working year: a window beyond it is a typing slip


def _days(matter: Matter, lang: Lang) -> str:
    days = matter.working_days
    if days is None:
        return ""
    if days < 0:
        return say(lang, "warn_days_over", n=-days)
    return say(lang, "warn_due_today") if days == 0 else say(lang, "warn_days_left", n=days)


def _view(warning: EarlyWarning, folder: Path, lang: Lang) -> dict[str, Any]:
    """The warning as the page shows it: ledgers by their uploaded names, never a server path."""
    prefix = str(folder) + "/"

    def matter(m: Matter) -> dict[str, Any]:
        return {
            "case": m.case,
            "status": m.status,
            "status_word": STATUS_WORDS[m.status](lang) if m.status else "",
            "clause": clause_label(m.clause),
            "deadline": m.deadline.isoformat() if m.deadline else "",
            "days": _days(m, lang),
            "what": m.what(lang),
            "title": m.title(lang),
            "reason": m.reason(lang) if m.reason else "",
            "unit": m.unit or UNRECORDED(lang),
            "person": m.person or UNRECORDED(lang),
            "records": [str(s).removeprefix(prefix) for s in m.records],
        }

    return {
        "warning": warning,
        "counts": counts(warning),
        "groups": [
            (unit, person, [matter(m) for m in ms]) for unit, person, ms in groups(warning.matters, lang)
        ],
        "unknown": [matter(m) for m in warning.unknown],
    }


def _choices(request: Request, source: dict[str, str]) -> tuple[str, dt.date, int] | str:
    """(policy, day, within) from a form or a query, or what is wrong with them."""
    lang = lang_of(request)
    policies = request.app.state.policies
    policy = source.get("policy") or ("maojian" if "maojian" in policies else next(iter(policies), ""))
    if policy not in policies:
        return say(lang, "bad_policy", name=policy)
    try:
        day = dt.date.fromisoformat(source.get("as_of") or dt.date.today().isoformat())
    except ValueError:
        return say(lang, "bad_date")
    within = source.get("within") or str(DEFAULT_WITHIN)
    if not (within.isascii() and within.isdigit()) or int(within) > MAX_WITHIN:
        return say(lang, "warn_bad_within", most=MAX_WITHIN)
    return policy, day, int(within)


def _page(request: Request, status: int = 200, **context: Any) -> Response:
    settings = request.app.state.settings
    policies = request.app.state.policies
    values = {
        "policies": policies,
        "chosen": context.pop("policy", None)
        or ("maojian" if "maojian" in policies else next(iter(policies), "")),
        "as_of": context.pop("as_of", None) or dt.date.today().isoformat(),
        "within": context.pop("within", DEFAULT_WITHIN),
        "accept": ",".join(SUFFIXES),
        "max_mb": settings.max_upload_mb,
        "problem": None,
        "result": None,
        "job": None,
        **context,
    }
    return page(request, "warn.html", status=status, **values)


async def form(request: Request) -> Response:
    return _page(request)


def _warned(
    paths: list[Path], request: Request, policy: str, day: dt.date, within: int
) -> EarlyWarning | str:
    try:
        return warn(paths, request.app.state.policies[policy], day, within)
    except LedgerFileError as error:
        return str(error)


async def submit(request: Request) -> Response:
    settings = request.app.state.settings
    lang = lang_of(request)
    jobs: Jobs = request.app.state.jobs
    async with request.form(max_files=settings.max_files, max_fields=10) as data:
        if not csrf_ok(request, data.get("csrf")):
            return page(request, "error.html", status=403, title="refused", message=("csrf", {}))
        fields = {name: str(data.get(name) or "") for name in ("policy", "as_of", "within")}
        chosen = _choices(request, fields)
        if isinstance(chosen, str):
            return _page(request, 400, problem=chosen, **fields)
        uploads = [item for item in data.getlist("files") if isinstance(item, UploadFile) and item.filename]
        if not uploads:
            return _page(request, 400, problem=say(lang, "no_files"), **fields)
        _, folder = jobs.new_folder()
        try:
            ledgers = folder / "ledgers"
            paths = await _save(uploads, ledgers)
            result = await run_in_threadpool(_warned, paths, request, *chosen)
        except UploadRefused as refused:
            return _page(request, 400, problem=refused.message(lang), **fields)
        finally:
            jobs.delete_folder(folder)
    return _answer(request, result, ledgers, chosen, fields)


def _answer(
    request: Request,
    result: EarlyWarning | str,
    ledgers: Path,
    chosen: tuple[str, dt.date, int],
    fields: dict[str, Any],
) -> Response:
    lang = lang_of(request)
    policy, day, within = chosen
    shown: dict[str, Any] = {
        "policy": policy,
        "as_of": day.isoformat(),
        "within": within,
        "job": fields.get("job"),
    }
    if isinstance(result, str):
        return _page(request, 400, problem=result, **shown)
    if result.records_read == result.records_rejected:
        return _page(request, 400, problem=say(lang, "warn_nothing_read"), **shown)
    return _page(request, result=_view(result, ledgers, lang), **shown)


async def _save(uploads: list[UploadFile], ledgers: Path) -> list[Path]:
    taken: set[str] = set()
    paths = []
    for number, upload in enumerate(uploads, start=1):
        name = unique(safe_name(upload.filename or "", number), taken)
        taken.add(name)
        head = await upload.read(CHUNK)
        check_type(name, head)
        with (ledgers / name).open("xb") as handle:
            chunk = head
            while chunk:
                handle.write(chunk)
                chunk = await upload.read(CHUNK)
        paths.append(ledgers / name)
    return paths


async def of_check(request: Request) -> Response:
    """The warning for the ledgers of a check this workbench ran (while it keeps them)."""
    job = find_job(request)
    fields = {"policy": job.policy, **{k: request.query_params.get(k, "") for k in ("as_of", "within")}}
    fields["as_of"] = fields["as_of"] or job.as_of
    chosen = _choices(request, fields)
    if isinstance(chosen, str):
        return _page(request, 400, problem=chosen, job=job, **fields)
    paths = [job.ledgers / name for name in job.files]
    result = await run_in_threadpool(_warned, paths, request, *chosen)
    return _answer(request, result, job.ledgers, chosen, {"job": job})
