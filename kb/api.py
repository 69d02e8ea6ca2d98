"""The Python API: a knowledge base that also runs named queries (``kb.open(...).run("offers")``).

:class:`KnowledgeBase` adds :meth:`~KnowledgeBase.run` and :meth:`~KnowledgeBase.dataframe` to the
store's :class:`kb.store.KnowledgeBase`, so that the store never imports the named queries built on
it. Imports ``kb.store`` and ``kb.queries``; nothing in ``kb`` imports this module but ``kb`` itself.
"""

from __future__ import annotations

import os

from kb import queries, store
from kb.errors import QueryError


class KnowledgeBase(store.KnowledgeBase):
    """The store's knowledge base, with named queries as dicts or a pandas DataFrame."""

    def run(self, name: str, **params) -> list[dict]:
        """Run the named query ``name`` (or a .rq path); rows as dicts of plain Python values."""
        return queries.run(self, queries.find(name), {k: str(v) for k, v in params.items()}).records()

    def dataframe(self, name: str, **params):
        """The named query's answer as a pandas DataFrame (needs the optional pandas extra)."""
        try:
            import pandas
        except ImportError:
            raise QueryError(
                "pandas is not installed",
                hint="pip install 'negotiation-kb[pandas]', or use .run() for dicts",
            ) from None
        table = queries.run(self, queries.find(name), {k: str(v) for k, v in params.items()})
        return pandas.DataFrame(table.records(), columns=table.columns)


def open_kb(location: str | os.PathLike | None = None, *, read_only: bool = False) -> KnowledgeBase:
    """Open the knowledge base: an embedded store directory or a remote SPARQL store URL."""
    opened = store.open_kb(location, read_only=read_only)
    return KnowledgeBase(opened.backend, opened.location)
