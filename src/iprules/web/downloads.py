"""The report of a check as a file (HTML, Excel, JSON, made by the CLI's own writers), and the
fill-in template."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from iprules.ledger.template import build_template
from iprules.web.jobs import Jobs, RenderFailed
from iprules.web.render import lang_of, page
from iprules.web.result_page import Finished, finished

MEDIA = {
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def _attachment(name: str) -> dict[str, str]:
    return {"content-disposition": f"attachment; filename*=UTF-8''{quote(name)}"}


async def report(request: Request) -> Response:
    form = request.path_params["form"]
    if form not in MEDIA:
        raise HTTPException(404)
    result = finished(request)
    if not isinstance(result, Finished):
        return result
    result.index.close()
    lang = lang_of(request)
    jobs: Jobs = request.app.state.jobs
    try:
        path = await run_in_threadpool(jobs.render, result.job, form, lang)
    except RenderFailed as failed:
        return page(
            request, "error.html", status=500, title="render_failed", detail=failed.error.get(lang, "")
        )
    name = f"{'检查报告' if lang == 'zh' else 'report'}-{result.head.as_of.isoformat()}.{form}"
    return FileResponse(path, media_type=MEDIA[form], headers=_attachment(name))


async def template(request: Request) -> Response:
    policies = request.app.state.policies
    name = request.query_params.get("policy") or "maojian"
    if name not in policies:
        raise HTTPException(404)
    lang = lang_of(request)

    def build() -> bytes:
        with tempfile.TemporaryDirectory(prefix="iprules-template-") as folder:
            path = Path(folder) / "template.xlsx"
            build_template(policies[name].parameters, lang).save(path)
            return path.read_bytes()

    data = await run_in_threadpool(build)
    return Response(
        data,
        media_type=MEDIA["xlsx"],
        headers=_attachment("台账模板.xlsx" if lang == "zh" else "ledger-template.xlsx"),
    )
