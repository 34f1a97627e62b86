"""The durable_rules engine, run the way ENGINE.md says it is safe to run.

iprules drives durable_rules' C core (`durable_rules_engine`) directly, not through durable's
Python `Host`: the Host starts two timer threads that run actions on other threads
(nondeterminism), and its Python layer (a `json.dumps` of every batch and of every action's
state, a Closure object and an `update_state` round trip per action) cost as much as the C
core itself. Here, per case:
- one state per case: the case's facts are asserted in one orjson-encoded batch, then the
  end-of-case fact, alone and last (negation is judged only when every fact is in). The state's
  `sid` and every fact's `case` are a token of this engine's (`c1`, `c2`, …), never the case id
  as written: the C core mishandles a sid holding `"`, a backslash, a newline, a control character
  or NUL (it cannot delete the state, and the whole run stopped), and a case id is the clerk's
  text. Within one state `case` only serves the always-true join, so any token per case works;
- after each assert, the state's queued actions are drained in the calling thread
  (`start_action_for_state`, then `complete_and_start_action` until none is left); an action
  only records which facts matched. The always-firing `case-end` rule makes every state run at
  least one action (ENGINE.md defect 3);
- the state is then emptied for the next case: the end fact is retracted first (so no
  negation can fire), then the case's facts. Creating a state costs ~300 µs in the C core and
  deleting it ~70 µs, three times what judging a case's ~15 facts costs; retracting them costs
  ~35 µs. An emptied state is the fresh state it was (tests/test_engine.py compares the two on
  thousands of cases; so do the differential tests). If anything fires while emptying, or any
  step fails, the state is deleted (a ruleset holds at most 1,024 live states) and the next case
  gets a new one; a state is also renewed every `REUSE` cases, so nothing the C core keeps per
  state can grow with the ledger.
A refusal by the engine, or any error while draining, stops the run with an EngineError.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any, ClassVar

import durable_rules_engine as core  # type: ignore[import-not-found]  # C extension, no stubs
import orjson

from iprules.facts.base import END_FACT_ID
from iprules.policy.compile import END_RULE, END_TYPE, SINK_RULE, CompiledPolicy


class EngineError(Exception):
    """The engine failed on a case: a bug in iprules or in durable_rules, never in the ledger."""


@dataclass(frozen=True, slots=True)
class Match:
    """One firing of a compiled rule: which facts (by id) stood for which alias."""

    name: str
    facts: tuple[tuple[str, str], ...]  # (alias, fact id), aliases without the a_ prefix


_counter = itertools.count(1)
# result codes of the C core's assert calls (durable/engine.py, Ruleset._handle_result)
_NOT_HANDLED, _OBSERVED, _QUEUED = 1, 2, 3
_SILENT = frozenset({END_RULE, SINK_RULE})
REUSE = 10_000  # cases judged in one state before it is deleted and a new one made


class Engine:
    """Runs one compiled policy, case by case, in the calling thread.

    A ruleset in the C core is never freed by durable_rules itself and costs megabytes, so a
    process keeps one Engine per distinct ruleset (`Engine.for_policy`): a trainer's drill or
    the test suite runs hundreds of checks of the same policy, and a new ruleset for each
    grew one process to gigabytes."""

    _shared: ClassVar[dict[str, Engine]] = {}

    @staticmethod
    def key(compiled: CompiledPolicy) -> str:
        """What tells one ruleset from another (two policies that compile alike share an engine)."""
        return orjson.dumps(compiled.ruleset, option=orjson.OPT_SORT_KEYS).decode()

    @classmethod
    def release(cls, compiled: CompiledPolicy) -> None:
        """Free the process's engine for this ruleset, if it has one: `iprules compare` runs a
        ruleset per alternative reading once, and keeping each would grow the process."""
        engine = cls._shared.pop(cls.key(compiled), None)
        if engine is not None:
            engine.close()

    @classmethod
    def for_policy(cls, compiled: CompiledPolicy) -> Engine:
        """The process's engine for this compiled ruleset, made on first use."""
        key = cls.key(compiled)
        engine = cls._shared.get(key)
        if engine is None or not engine._handle:
            engine = cls._shared[key] = cls(compiled)
        return engine

    def __init__(self, compiled: CompiledPolicy) -> None:
        self._compiled = compiled
        self._types = compiled.fact_types
        self._name = f"iprules{next(_counter)}"
        definition = orjson.dumps(compiled.ruleset).decode()
        self._handle: int = core.create_ruleset(self._name, definition)
        self._states = itertools.count(1)
        # emptied states, ready for a case, and the cases each has judged: a list, so that two
        # threads sharing the engine never take the same state (list.pop/append are atomic)
        self._free: list[str] = []
        self._uses: dict[str, int] = {}

    def close(self) -> None:
        """Free the ruleset in the C core (an Engine is otherwise kept for the process's life)."""
        if self._handle:
            core.delete_ruleset(self._handle)
            self._handle = 0

    def _assert(self, case: str, payload: str, many: bool, matches: list[Match]) -> None:
        """Assert facts into the case's state, then run every action the state queued."""
        handle = self._handle
        result = core.assert_facts(handle, payload) if many else core.assert_fact(handle, payload)
        code, state = result[0], result[1]
        if code == _NOT_HANDLED:
            raise EngineError(f"case {case}: the engine refused a fact (not handled): {payload[:500]}")
        if code == _OBSERVED:
            raise EngineError(f"case {case}: the engine refused a fact (already observed): {payload[:500]}")
        if code == _QUEUED:
            raise EngineError(f"case {case}: the engine queued the facts instead of judging them")
        action = core.start_action_for_state(handle, state)
        if not action:
            return
        message: str | None = action[1]
        try:
            while message:
                for name, bound in orjson.loads(message).items():
                    if name not in _SILENT:
                        matches.append(
                            Match(
                                name,
                                tuple(
                                    sorted(
                                        (alias[2:], fact["id"])
                                        for alias, fact in bound.items()
                                        if alias.startswith("a_")
                                    )
                                ),
                            )
                        )
                message = core.complete_and_start_action(handle, state)
        except BaseException:
            core.abandon_action(handle, state)
            raise

    def run_case(self, case: str, facts: list[dict[str, Any]]) -> list[Match]:
        """Assert one case's facts, then its end fact; return the matches, sorted."""
        try:
            sid = self._free.pop()
        except IndexError:
            sid = f"c{next(self._states)}"
        types = self._types
        wanted = [dict(fact, sid=sid, case=sid) for fact in facts if fact["type"] in types]
        end = orjson.dumps({"sid": sid, "id": END_FACT_ID, "type": END_TYPE, "case": sid}).decode()
        batch = orjson.dumps(wanted).decode() if wanted else ""
        matches: list[Match] = []
        ended = False
        try:
            if wanted:
                self._assert(sid, batch, True, matches)
            self._assert(sid, end, False, matches)
            ended = True
        except EngineError:
            raise
        except Exception as error:
            raise EngineError(f"case {case!r}: the engine failed: {error!r}") from error
        finally:
            if not (ended and self._empty(sid, end, batch)):
                self._delete(sid, end, ended)
        matches.sort(key=lambda m: (m.name, m.facts))
        return matches

    def _empty(self, sid: str, end: str, batch: str) -> bool:
        """Retract the case's end fact, then its facts, keeping the state for the next case;
        False (the state to be deleted) if anything fired or failed, or the state is due to be
        renewed."""
        uses = self._uses[sid] = self._uses.get(sid, 0) + 1
        if uses >= REUSE:
            return False
        handle = self._handle
        try:
            for payload, many in ((end, False), (batch, True)):
                if not payload:
                    continue
                result = core.retract_facts(handle, payload) if many else core.retract_fact(handle, payload)
                if result[0] != 0:
                    return False
                if core.start_action_for_state(handle, result[1]):
                    # a retraction made a rule fire: not a state to judge another case in
                    core.abandon_action(handle, result[1])
                    return False
        except Exception:
            return False
        self._free.append(sid)
        return True

    def _delete(self, sid: str, end: str, ended: bool) -> None:
        """Delete the case's state. A state that ran no action can crash `delete_state`
        (ENGINE.md defect 3), so after a failure the end fact is asserted first, for the
        `case-end` action to run; if even that fails, the state is left (the run stops)."""
        self._uses.pop(sid, None)
        if not ended:
            try:
                self._assert(sid, end, False, [])
            except Exception:
                return
        core.delete_state(self._handle, sid)
