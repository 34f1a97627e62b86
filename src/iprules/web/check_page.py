"""检查 — the upload form, the upload itself, and deleting a check."""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from iprules.web.jobs import Job, Jobs
from iprules.web.render import lang_of, page
from iprules.web.security import csrf_ok
from iprules.web.uploads import SUFFIXES, UploadRefused, check_type, safe_name, unique
from iprules.web.words import say

CHUNK = 1 << 20


async def form(request: Request) -> Response:
    return _form(request)


def _form(request: Request, status: int = 200, problem: str | None = None, **values: Any) -> Response:
    settings = request.app.state.settings
    policies = request.app.state.policies
    return page(
        request,
        "check.html",
        status=status,
        policies=policies,
        chosen=values.get("policy") or ("maojian" if "maojian" in policies else next(iter(policies), "")),
        as_of=values.get("as_of") or dt.date.today().isoformat(),
        accept=",".join(SUFFIXES),
        max_mb=settings.max_upload_mb,
        problem=problem,
    )


async def submit(request: Request) -> Response:
    settings = request.app.state.settings
    lang = lang_of(request)
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > settings.max_upload + 2**20:
        return _form(request, 413, say(lang, "too_large", mb=settings.max_upload_mb))
    async with request.form(max_files=settings.max_files, max_fields=10) as data:
        if not csrf_ok(request, data.get("csrf")):
            return page(request, "error.html", status=403, title="refused", message=("csrf", {}))
        policy = str(data.get("policy") or "")
        as_of = str(data.get("as_of") or "")
        if policy not in request.app.state.policies:
            return _form(request, 400, say(lang, "bad_policy", name=policy), as_of=as_of)
        try:
            dt.date.fromisoformat(as_of)
        except ValueError:
            return _form(request, 400, say(lang, "bad_date"), policy=policy)
        uploads = [item for item in data.getlist("files") if isinstance(item, UploadFile) and item.filename]
        if not uploads:
            return _form(request, 400, say(lang, "no_files"), policy=policy, as_of=as_of)
        jobs: Jobs = request.app.state.jobs
        job_id, folder = jobs.new_folder()
        job = Job(id=job_id, folder=folder, files=[], policy=policy, as_of=as_of)
        try:
            await _save(uploads, job)
        except UploadRefused as refused:
            jobs.delete_folder(folder)
            return _form(request, 400, refused.message(lang), policy=policy, as_of=as_of)
        except BaseException:
            jobs.delete_folder(folder)
            raise
    jobs.submit(job, request.app.state.policies[policy].folder, request.app.state.settings.store)
    return RedirectResponse(f"/check/{job_id}", status_code=303)


async def _save(uploads: list[UploadFile], job: Job) -> None:
    taken: set[str] = set()
    for number, upload in enumerate(uploads, start=1):
        name = unique(safe_name(upload.filename or "", number), taken)
        taken.add(name)
        head = await upload.read(CHUNK)
        check_type(name, head)
        with (job.ledgers / name).open("xb") as handle:
            chunk = head
            while chunk:
                handle.write(chunk)
                chunk = await upload.read(CHUNK)
        job.files.append(name)


async def delete(request: Request) -> Response:
    async with request.form(max_files=0, max_fields=5) as data:
        if not csrf_ok(request, data.get("csrf")):
            return page(request, "error.html", status=403, title="refused", message=("csrf", {}))
    request.app.state.jobs.delete(request.path_params["job"])
    return RedirectResponse("/", status_code=303)
