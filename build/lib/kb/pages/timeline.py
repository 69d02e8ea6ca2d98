"""A timeline view from URL parameters, as one call a query worker can run under the time limit."""

from __future__ import annotations

from collections.abc import Mapping

from kb.store import KnowledgeBase
from kb.timeline.model import THRESHOLD, TimelineView, parse_filter
from kb.timeline.view import timeline
from kb.vocab import Minter


def timeline_view(kb: KnowledgeBase, params: Mapping[str, list[str]], base: str, threshold: int = THRESHOLD,
                  margin_days: int = 0, table_offset: int | None = None,
                  table_size: int = THRESHOLD) -> TimelineView:
    """The view that URL parameters ``params`` ask for, read from the store (the web app runs it in a
    query worker, under the time limit, for the views that read every event of a window)."""
    return timeline(kb, parse_filter(params), Minter(base), threshold=threshold, margin_days=margin_days,
                    table_offset=table_offset, table_size=table_size)
