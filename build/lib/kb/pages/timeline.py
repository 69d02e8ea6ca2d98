"""The timeline view as the JSON that ``/timeline.json`` answers (also run in a query worker)."""

from __future__ import annotations

from collections.abc import Mapping

from kb.pages.parts import as_json
from kb.store import KnowledgeBase
from kb.timeline.model import THRESHOLD, parse_filter
from kb.timeline.view import timeline
from kb.vocab import Minter


def timeline_data(kb: KnowledgeBase, params: Mapping[str, list[str]], base: str, threshold: int = THRESHOLD,
                  margin_days: int = 0) -> dict:
    """What ``/timeline.json`` answers for URL parameters ``params``, read from the store, as
    JSON-ready data (the web app runs it in a query worker, under the time limit, for the
    expensive views)."""
    return as_json(timeline(kb, parse_filter(params), Minter(base), threshold=threshold,
                            margin_days=margin_days))
