"""A knowledge base of negotiation timelines: sourced, dated events as RDF in Oxigraph.

From Python::

    import kb
    base = kb.open()                      # ./data/store, $KB_STORE, a directory or an http(s) URL
    rows = base.run("actor-timeline", actor="david-barnea")   # a list of dicts
    frame = base.dataframe("timeline")    # a pandas DataFrame (pip install 'negotiation-kb[pandas]')
"""

from __future__ import annotations

from kb.errors import KBError
from kb.store import KnowledgeBase, open_kb

__all__ = ["KBError", "KnowledgeBase", "open"]


def open(location: str | None = None, *, read_only: bool = False) -> KnowledgeBase:
    """Open the knowledge base: an embedded store directory or a remote SPARQL store URL."""
    return open_kb(location, read_only=read_only)
