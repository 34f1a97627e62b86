"""The workbench against the CLI on one big workbook, run by hand:
`python -m benchmarks.workbench [--records 100000] [--folder /tmp/bench-web]`.

Writes a seeded synthetic ledger (benchmarks/synthetic.py) as an Excel workbook the way a clerk's
Excel holds it (examples/make_formats.py: a sheet per record kind, Chinese headers, Excel dates),
then in the same run:
- the CLI: `iprules check WORKBOOK --format json` in a subprocess, wall time;
- the workbench: `iprules serve` on a free loopback port in a subprocess; the upload of the same
  workbook through the real HTTP form (CSRF token and all) until the result page is there, wall
  time from the POST; then each result page (overview, findings first and last page, by clause,
  case, unit, person, one case, rejections) fetched three times, the slowest counted.
The issue's targets: upload-to-result within twice the CLI's time; every page under a second.
Never a test: timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from benchmarks.synthetic import write_ledger

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-25"


def _make_formats() -> Any:
    spec = importlib.util.spec_from_file_location("make_formats", ROOT / "examples" / "make_formats.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def workbook(folder: Path, records: int) -> Path:
    path = folder / f"台账-{records}.xlsx"
    if path.exists():
        return path
    jsonl = folder / f"台账-{records}.jsonl"
    write_ledger(jsonl, records, seed=3)
    formats = _make_formats()
    formats.write_xlsx(formats.read_objects(jsonl), path)
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cli_seconds(path: Path) -> float:
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "iprules", "check", str(path), "--as-of", AS_OF, "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    return time.perf_counter() - began


def _wait_up(base: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit(f"the workbench did not start at {base}")


def upload_seconds(client: httpx.Client, path: Path) -> tuple[float, str]:
    form = client.get("/").text
    token = re.search(r'name="csrf" value="([^"]+)"', form)
    assert token is not None, "the form carries a CSRF token"
    began = time.perf_counter()
    with path.open("rb") as handle:
        answer = client.post(
            "/check",
            data={"csrf": token.group(1), "policy": "maojian", "as_of": AS_OF},
            files=[("files", (path.name, handle, "application/octet-stream"))],
            follow_redirects=False,
        )
    assert answer.status_code == 303, answer.text[:500]
    job = str(answer.headers["location"])
    while 'http-equiv="refresh"' in client.get(job).text:
        time.sleep(0.2)
    return time.perf_counter() - began, job


def page_seconds(client: httpx.Client, job: str) -> list[tuple[str, float]]:
    findings = client.get(job + "/findings").text
    pages = [int(n) for n in re.findall(r"[?&]page=(\d+)", findings)] or [1]
    case = re.search(r"/case\?id=([^\"&]+)", client.get(job + "/cases").text)
    urls = [
        job,
        job + "/findings",
        f"{job}/findings?page={max(pages)}",
        job + "/findings?verdict=violation",
        job + "/clauses",
        job + "/cases",
        job + "/units",
        job + "/people",
        job + "/rejections",
    ]
    if case is not None:
        urls.append(f"{job}/case?id={case.group(1)}")
    timed = []
    for url in urls:
        slowest = 0.0
        for _ in range(3):
            began = time.perf_counter()
            answer = client.get(url)
            slowest = max(slowest, time.perf_counter() - began)
            assert answer.status_code == 200, (url, answer.status_code)
        timed.append((url.removeprefix(job) or "/", slowest))
    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/bench-web"))
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    path = workbook(args.folder, args.records)
    print(f"workbook {path} ({path.stat().st_size / 1e6:.1f} MB)")
    cli = cli_seconds(path)
    print(f"CLI  iprules check --format json: {cli:.2f} s")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "iprules", "serve", "--port", str(port), "--max-upload-mb", "500"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=args.folder,
    )
    try:
        _wait_up(base)
        with httpx.Client(base_url=base, timeout=600) as client:
            web, job = upload_seconds(client, path)
            print(f"web  upload → result page: {web:.2f} s = {web / cli:.2f} × the CLI (target ≤ 2)")
            timed = page_seconds(client, job)
        for url, seconds in timed:
            print(f"     page {url:<34} {seconds * 1000:7.0f} ms (slowest of 3; target < 1000)")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
