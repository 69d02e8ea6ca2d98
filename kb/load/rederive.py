"""Derived data a store lacks because an earlier version loaded it, worked out again in place.

Every load writes, beside the claims, data derived from them (timeline rows, index and counts,
month counts, disagreements between sources, role counts; see ``loader_graphs``). A store loaded by
a version that did not derive one of them still answers, but wrongly: ``events-per-month`` gives no
rows and no event is marked disputed. :func:`lacking` says what a store lacks (``kb status`` and
``kb serve`` say so) and :func:`rederive` (``kb reindex``) derives it from the claims the store
holds, only what is lacking (a store that lacks only the role counts gets only them). Only derived
graphs and triples are written, never a claim; it may be run again at any time, and an interrupted run is
finished by running it again.
"""

from __future__ import annotations

from kb.load.bulk import derive_conflicts, derive_remote
from kb.store import KnowledgeBase
from kb.timeline.counts import has_counts, rebuild_counts
from kb.timeline.overview import is_marked, mark_complete
from kb.timeline.role_counts import has_role_counts, rebuild_role_counts, recount_roles
from kb.timeline.rows import (
    derive_counts,
    derive_in_store,
    has_index,
    mid_days_missing,
    missing_in,
    rebuild_index,
)
from kb.vocab import KBO, Minter

ROWS, INDEX, OVERVIEW = "timeline rows", "timeline index", "timeline counts (middle days)"
COUNTS = "month counts and disagreements between sources"
MARK = "mark of complete timeline counts"
ROLES = "role counts (actor-roles)"
_HAS_EVENTS = f"ASK {{ GRAPH ?g {{ ?event <{KBO.dateText.value}> ?text }} }}"


def lacking(kb: KnowledgeBase, minter: Minter) -> list[str]:
    """What derived data the store behind ``kb`` lacks (nothing for a store without events)."""
    backend = kb.backend
    if not bool(backend.query(_HAS_EVENTS)):
        return []
    found = []
    marked = is_marked(backend, minter)  # every row and middle day there: no need to count them
    if not marked and missing_in(backend):
        found.append(ROWS)
    if not has_index(backend, minter):
        found.append(INDEX)
    if not marked and ROWS not in found and mid_days_missing(backend):
        found.append(OVERVIEW)
    if not has_counts(backend, minter):  # counts and disagreements came in one version
        found.append(COUNTS)
    if not has_role_counts(backend, minter):
        found.append(ROLES)
    return found


def rederive(kb: KnowledgeBase, minter: Minter) -> list[str]:
    """Derive again, in place, what :func:`lacking` finds missing (the disagreements with the
    counts, as one version added both); the names of what was derived."""
    missing = lacking(kb, minter)
    if kb.remote and missing == [ROLES]:
        kb.backend.update(recount_roles(minter))
        kb.backend.update(kb.backend.stamp_update())
    elif kb.remote and missing:
        _remote(kb.backend, minter)  # marks the counts complete as a remote load does
    elif missing:
        _embedded(kb.backend.store, minter, missing)
    writable = kb.backend if kb.remote else kb.backend.store
    if not is_marked(writable, minter) and mark_complete(writable, minter):
        missing.append(MARK)
    return missing


def _embedded(store, minter: Minter, missing: list[str]) -> None:
    if ROWS in missing:
        derive_in_store(store, minter)
    if ROWS in missing or INDEX in missing:
        rebuild_index(store, minter)  # and the timeline counts
    if OVERVIEW in missing:
        derive_counts(store, minter)
    if COUNTS in missing:
        rebuild_counts(store, minter)
        derive_conflicts(store, minter)
    if ROLES in missing:
        rebuild_role_counts(store, minter)
    store.optimize()  # what was dropped and written again is compacted, as after a bulk load (reads over
    # a store left with the dropped quads' traces were up to 1.5x slower at 1M)


def _remote(backend, minter: Minter) -> None:
    derive_remote(backend, minter)  # every derived part, as a remote bulk load ends
    backend.update(backend.stamp_update())  # the serving processes see a new load generation
