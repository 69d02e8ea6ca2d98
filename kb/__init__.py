"""A knowledge base of negotiation timelines: sourced, dated events as RDF in Oxigraph.

From Python::

    import kb
    base = kb.open()                      # ./data/store, $KB_STORE, a directory or an http(s) URL
    rows = base.run("actor-timeline", actor="david-barnea")   # a list of dicts
    frame = base.dataframe("timeline")    # a pandas DataFrame (pip install 'negotiation-kb[pandas]')

The package: ``kb/`` knows nothing of Flask. Bottom modules (``vocab``, ``dates``, ``errors``,
``formats``, ``paths``, ``sparql_text``) import nothing of ``kb``; ``store`` sits on them; ``curation``,
``load``, ``queries``, ``timeline``, ``extract``, ``pages`` and ``publish`` on the store; ``cli`` (and
the web app, outside ``kb``) on top. ``kb.api`` is the Python API above ``queries``. See ARCHITECTURE.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.errors import KBError

if TYPE_CHECKING:
    from kb.api import KnowledgeBase, open_kb

__all__ = ["KBError", "KnowledgeBase", "open", "open_kb"]


def __getattr__(name: str):
    """``kb.open_kb`` and ``kb.KnowledgeBase``, imported when first asked for (so that importing a
    module of ``kb``, as every query worker does, does not import the named queries)."""
    if name in ("KnowledgeBase", "open_kb"):
        from kb import api

        return getattr(api, name)
    raise AttributeError(f"module 'kb' has no attribute {name!r}")


def open(location: str | None = None, *, read_only: bool = False) -> KnowledgeBase:
    """Open the knowledge base: an embedded store directory or a remote SPARQL store URL."""
    from kb.api import open_kb

    return open_kb(location, read_only=read_only)
