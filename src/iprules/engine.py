"""The durable_rules engine, run the way ENGINE.md says it is safe to run.

One Host per process, with its timer threads never started (they would run actions on other
threads, nondeterministically). One state per case: the case's facts are asserted in one
batch, then the end-of-case fact; every action fires in the calling thread during those
calls, and only records which facts matched; then the state is deleted (a ruleset holds at
most 1,024 live states). An exception inside an action is never lost: it stops the run.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass
from typing import Any

from durable import engine as durable_engine

from iprules.policy.compile import END_RULE, END_TYPE, SINK_RULE, CompiledPolicy


class EngineError(Exception):
    """The engine failed on a case: a bug in iprules or in durable_rules, never in the ledger."""


class _QuietHost(durable_engine.Host):  # type: ignore[misc]
    def _run(self) -> None:
        """No dispatch/timer threads: actions run only inside our own assert calls."""


@dataclass(frozen=True)
class Match:
    """One firing of a compiled rule: which facts (by id) stood for which alias."""

    name: str
    facts: tuple[tuple[str, str], ...]  # (alias, fact id), aliases without the a_ prefix


_host: _QuietHost | None = None
_counter = itertools.count(1)


def _shared_host() -> _QuietHost:
    global _host
    if _host is None:
        _host = _QuietHost()
    return _host


class Engine:
    """Runs one compiled policy, case by case."""

    def __init__(self, compiled: CompiledPolicy) -> None:
        self._compiled = compiled
        self._host = _shared_host()
        self._name = f"iprules{next(_counter)}"
        self._matches: list[Match] = []
        self._errors: list[str] = []
        definition: dict[str, Any] = {}
        for rule_name, rule in copy.deepcopy(compiled.ruleset).items():
            rule["run"] = self._recorder(rule_name)
            definition[rule_name] = rule
        # Ruleset.__init__ deletes "run" from the dict it is given: ours is a deep copy.
        self._host.set_rulesets({self._name: definition})

    def _recorder(self, rule_name: str) -> Any:
        matches = self._matches
        errors = self._errors

        def record(closure: Any) -> None:
            try:
                if rule_name in (END_RULE, SINK_RULE):
                    return
                facts = tuple(
                    sorted(
                        (alias[2:], fact["id"])
                        for alias, fact in closure._m.items()
                        if alias.startswith("a_")
                    )
                )
                matches.append(Match(rule_name, facts))
            except Exception as error:  # pragma: no cover - a bug, surfaced below
                errors.append(f"{rule_name}: {error!r}")

        return record

    def run_case(self, case: str, facts: list[dict[str, Any]]) -> list[Match]:
        """Assert one case's facts, then its end fact; return the matches, sorted."""
        self._matches.clear()
        self._errors.clear()
        sid = str(case)
        wanted = [dict(fact, sid=sid) for fact in facts if fact["type"] in self._compiled.fact_types]
        try:
            states = []
            if wanted:
                states.append(self._host.assert_facts(self._name, wanted))
            states.append(
                self._host.assert_fact(self._name, {"sid": sid, "id": "$end", "type": END_TYPE, "case": sid})
            )
        except (durable_engine.MessageNotHandledException, durable_engine.MessageObservedException) as error:
            raise EngineError(f"case {case}: the engine refused a fact: {error}") from error
        finally:
            self._host.delete_state(self._name, sid)
        for state in states:
            if isinstance(state, dict) and state.get("exception"):
                self._errors.append(str(state["exception"]))
        if self._errors:
            raise EngineError(f"case {case}: an action failed: {'; '.join(self._errors)}")
        return sorted(self._matches, key=lambda m: (m.name, m.facts))
