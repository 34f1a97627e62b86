"""`iprules check --cluster`: cases checked on a real Dask cluster (started here, on this
machine, with real worker processes) give the same bytes as `--jobs 1`."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import distributed  # the cluster extra: make installs it, so a missing one fails here, never skips
import orjson
import pytest
from benchmarks.synthetic import ledger

from iprules import cases as cases_module
from iprules import check as check_module
from iprules import cluster as cluster_module
from iprules.check import check_stream
from iprules.cluster import ClusterError
from iprules.policy.load import Policy, load_policy
from iprules.report.write import write_checked

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(ROOT / "rules" / "maojian")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A real scheduler and two single-threaded worker processes, as `dask scheduler` and
    `dask worker --nthreads 1` would run them on other machines."""
    with distributed.LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    ) as local:
        yield str(local.scheduler_address)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cluster") / "台账.jsonl"
    raws: list[Any] = list(ledger(600, seed=7))
    raws += [{"type": "inquiry", "case": 5}, [1, 2]]  # rejected rows travel through the cluster too
    path.write_bytes(b"".join(orjson.dumps(raw) + b"\n" for raw in raws))
    return path


def _report(paths: list[Path], policy: Policy, tmp: Path, name: str, **how: Any) -> bytes:
    out = tmp / name
    with check_stream(paths, policy, AS_OF, **how) as checked:
        write_checked(checked, policy, "zh", "json", out)
    return out.read_bytes()


def test_a_check_on_a_cluster_is_byte_identical_to_one_process(
    scheduler: str, synthetic: Path, policy: Policy, tmp_path: Path
) -> None:
    alone = _report([synthetic], policy, tmp_path, "jobs1.json", jobs=1)
    clustered = _report([synthetic], policy, tmp_path, "cluster.json", cluster=scheduler)
    assert clustered == alone
    summary = orjson.loads(alone)["summary"]
    assert summary["cases"] > 500 and summary["records_rejected"] >= 2


def test_spilled_partitions_are_sent_to_the_cluster_and_merge_to_the_same_report(
    scheduler: str, synthetic: Path, policy: Policy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _report([synthetic], policy, tmp_path, "jobs1.json", jobs=1)
    # spill after 500 records into 7 case-hash partitions, each read here and sent as cases
    monkeypatch.setattr(check_module, "SPILL_AFTER", 500)
    monkeypatch.setattr(check_module, "partitions_for", lambda size: 7)
    sent: list[int] = []
    real = cases_module.read_partition

    def counted(path: Path) -> Any:
        groups = real(path)
        sent.append(len(groups))
        return groups

    monkeypatch.setattr(cluster_module, "read_partition", counted)
    clustered = _report([synthetic], policy, tmp_path, "cluster.json", cluster=scheduler)
    assert clustered == alone
    lines = [orjson.loads(line) for line in synthetic.read_bytes().splitlines()]
    case_ids = {raw["case"] for raw in lines if isinstance(raw, dict) and isinstance(raw.get("case"), str)}
    assert len(sent) == 7 and sum(sent) == len(case_ids)  # every case once, none lost on the way


def test_the_command_starts_a_local_cluster_and_writes_the_same_report(tmp_path: Path) -> None:
    example = ROOT / "examples" / "台账.jsonl"
    command = [sys.executable, "-m", "iprules", "check", str(example), "--as-of", "2026-11-25"]
    alone = subprocess.run([*command, "--jobs", "1", "--format", "json"], capture_output=True, timeout=120)
    clustered = subprocess.run(
        [*command, "--cluster", "local", "--jobs", "2", "--format", "json"], capture_output=True, timeout=300
    )
    assert clustered.returncode == alone.returncode == 1, clustered.stderr.decode()
    assert clustered.stdout == alone.stdout
    assert b"Traceback" not in clustered.stderr


def test_an_unreachable_cluster_is_a_clear_error_before_anything_is_read(
    synthetic: Path, policy: Policy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster_module, "CONNECT_SECONDS", 1)
    with pytest.raises(ClusterError) as raised:
        check_stream([synthetic], policy, AS_OF, cluster="tcp://127.0.0.1:9")
    words = raised.value.words
    assert "无法连接 Dask 集群 tcp://127.0.0.1:9" in words.zh and "dask scheduler" in words.en
