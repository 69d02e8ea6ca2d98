"""Reading a data file as a stream: the graphs it writes to, and a reader that reports progress."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, parse


class CountingReader:
    """A binary file whose reads report how far the load has got."""

    def __init__(self, path: Path, progress):
        self.handle = path.open("rb")
        self.total = path.stat().st_size
        self.done = 0
        self.progress = progress
        self.lines = 0

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes of the file, counted."""
        chunk = self.handle.read(size)
        self.done += len(chunk)
        self.lines += chunk.count(b"\n")
        if self.progress:
            self.progress(self.done, self.total)
        return chunk

    def readable(self) -> bool:
        """Always: a reader for pyoxigraph and urllib."""
        return True

    def close(self) -> None:
        """Close the file."""
        self.handle.close()


def graphs_in(path: Path, rdf_format: RdfFormat, base_iri: str | None = None) -> set[NamedNode]:
    """The named graphs a file writes to (a streaming pass over the whole file, so a syntax error
    anywhere raises ``SyntaxError``; none for a triples file)."""
    return {
        quad.graph_name for quad in parse(path=str(path), format=rdf_format, base_iri=base_iri)
        if isinstance(quad.graph_name, NamedNode)
    }
