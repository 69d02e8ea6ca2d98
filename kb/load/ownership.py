"""Which source owns which named graph, so that no file silently replaces another source's graphs.

Every load records, for each graph it writes, who wrote it, from which file and when, in the graph
``id/graph/_loads`` (which holds nothing else; no source slug starts with "_"):

``<graph> kbo:loadedBy "file ontology/kb.ttl" ; kbo:loadedFrom "ontology/kb.ttl" .`` (no time:
a store loaded twice from the same files is the same, quad for quad).

The owner of a curation file's graphs is its source (``source <slug>``): the same source loaded
again, from wherever, replaces its own graphs. The owner of an RDF file's graphs is the file
(``file <path>``, the path relative to the project for the project's own files; for a file
elsewhere its name and a digest of its absolute path, so that the records, which anyone can read
through the public endpoint and the dumps, never show where a curator keeps files on their machine).
A load that would replace a graph another owner wrote is refused naming both, unless the user says
``kb load --replace``. The graphs of the project's ontology files are theirs even in a store loaded
before records were kept: a user's ``kb.ttl`` would otherwise land in the ontology's graph. Records
a file brings in the ``_loads`` graph are not taken (ownership is the loader's to state).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from kb.conflicts import conflicts_graph
from kb.errors import CurationError
from kb.paths import ONTOLOGY_DIR, PROJECT_ROOT, display
from kb.timeline.counts import counts_graph
from kb.timeline.role_counts import role_counts_graph
from kb.timeline.rows import index_graph
from kb.vocab import KBO, Minter, is_slug

LOADS_SLUG = "_loads"


@dataclass(frozen=True)
class Owner:
    """Who writes a graph: ``key`` says who (compared and stored), ``shown`` names it in messages,
    ``stored`` names the file in the public records (never a path outside the project)."""

    key: str
    shown: str
    stored: str
    #: the key stores written before keys left out outside paths hold for the same owner
    earlier_key: str = ""

    def owns(self, key: str) -> bool:
        return key in (self.key, self.earlier_key)


def loads_graph(minter: Minter) -> NamedNode:
    """The graph of the load records, and nothing else."""
    return minter.entity("graph", LOADS_SLUG)


def loader_graphs(minter: Minter) -> tuple[NamedNode, ...]:
    """The graphs only the loader writes: its load records and the data it derives (the timeline
    index, the month counts, the disagreements between sources). A file's quads in them are never
    taken, no file owns them, and a load never drops them whole."""
    return (loads_graph(minter), index_graph(minter), counts_graph(minter), conflicts_graph(minter),
            role_counts_graph(minter))


def file_graph(minter: Minter, path: Path) -> NamedNode:
    """The graph a triples-only RDF file (Turtle, N-Triples) is loaded into."""
    stem = path.stem.lower()
    slug = stem if is_slug(stem) else "".join(ch if ch.isalnum() else "-" for ch in stem).strip("-")
    return minter.graph(f"file-{slug or 'data'}")


def public_name(path: Path) -> tuple[str, str]:
    """(key, name) of a file for the public records: the project's files by their path in the
    project; a file elsewhere by its name, keyed by a digest of its absolute path (the same file
    is the same owner, and the directory it sits in is not published)."""
    resolved = path.resolve()
    try:
        name = resolved.relative_to(PROJECT_ROOT).as_posix()
        return name, name
    except ValueError:
        digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return f"{resolved.name} #{digest}", f"{resolved.name} (a file outside the project)"


def file_owner(path: Path) -> Owner:
    """An RDF file as the owner of its graphs."""
    key, name = public_name(path)
    return Owner(f"file {key}", display(path), name, f"file {path.resolve()}")


def source_owner(slug: str, path: Path) -> Owner:
    """A curation file's source as the owner of its graphs."""
    return Owner(f"source {slug}", f"{display(path)} (source '{slug}')", public_name(path)[1])


def ontology_graphs(minter: Minter) -> dict[NamedNode, Owner]:
    """The graphs of the project's own ontology files, which only those files may write."""
    return {file_graph(minter, path): file_owner(path) for path in sorted(ONTOLOGY_DIR.glob("*.ttl"))}


def claims_on(kb, minter: Minter, *, replace_owned: bool = False) -> Claims:
    """The claims of a load into ``kb``, checked against what its store records and holds."""
    return Claims(minter, recorded(kb, minter), existing=kb.graphs(), replace_owned=replace_owned)


def recorded(kb, minter: Minter) -> dict[NamedNode, tuple[str, str]]:
    """graph -> (owner key, file it was loaded from) as the store records them."""
    rows = kb.select(
        f"SELECT ?g ?owner ?file WHERE {{ GRAPH {loads_graph(minter)} {{ "
        f"?g {KBO.loadedBy} ?owner OPTIONAL {{ ?g {KBO.loadedFrom} ?file }} }} }}")
    return {row["g"]: (row["owner"].value, row["file"].value if "file" in row else "?") for row in rows}


class Claims:
    """The graphs one load writes, by owner; refuses a graph that is not the writer's to replace."""

    def __init__(self, minter: Minter, records: dict, *, existing: Iterable[NamedNode] = (),
                 replace_owned: bool = False):
        self.minter = minter
        self.records = records
        self.existing = set(existing)
        self.replace_owned = replace_owned
        self.protected = ontology_graphs(minter)
        self.owners: dict[NamedNode, Owner] = {}

    def claim(self, graphs: Iterable[NamedNode], owner: Owner) -> None:
        """Record that ``owner`` writes ``graphs``; a CurationError when one is another's."""
        for graph in graphs:
            if graph in loader_graphs(self.minter):
                continue  # the loader's own graphs: every load rewrites them
            earlier = self.owners.get(graph)
            if earlier is not None and not owner.owns(earlier.key):
                raise CurationError(
                    f"{earlier.shown} and {owner.shown} both write graph {graph}",
                    where=owner.shown,
                    hint="one graph, one source: rename one file (a Turtle or N-Triples file's graph "
                         "is named after it) or load them separately; the store was not changed",
                )
            key, loaded_from = self.records.get(graph) or (None, None)
            ontology = self.protected.get(graph)
            if key is None and ontology is not None and graph in self.existing:
                key, loaded_from = ontology.key, ontology.shown  # loaded before records were kept
            if ontology is not None and owner.owns(ontology.key):
                key = None  # the project's ontology file always takes its own graph back
            if key is not None and not owner.owns(key) and not self.replace_owned:
                holder = (f"holds the ontology ({loaded_from})" if ontology is not None and
                          key == ontology.key else f"{loaded_from} loaded")
                raise CurationError(
                    f"would replace graph {graph}, which {holder}",
                    where=owner.shown,
                    hint="rename the file (a Turtle or N-Triples file is loaded into a graph named "
                         "after it), or run 'kb load --replace' to let this file take the graph over; "
                         "the store was not changed",
                )
            self.owners[graph] = owner

    def update(self, dropped: Iterable[NamedNode] = ()) -> str:
        """The SPARQL update that rewrites the records of the claimed (and ``dropped``) graphs."""
        loads = loads_graph(self.minter)
        forget = list(dict.fromkeys([*dropped, *self.owners]))
        if not forget:
            return ""
        values = " ".join(str(graph) for graph in forget)
        lines = [f"{graph} {KBO.loadedBy} {Literal(owner.key)} ; {KBO.loadedFrom} {Literal(owner.stored)} ."
                 for graph, owner in self.owners.items()]
        update = (f"DELETE {{ GRAPH {loads} {{ ?g ?p ?o }} }} WHERE {{ VALUES ?g {{ {values} }} "
                  f"GRAPH {loads} {{ ?g ?p ?o }} }}")
        if lines:
            update += f" ;\nINSERT DATA {{ GRAPH {loads} {{\n" + "\n".join(lines) + "\n} }"
        return update
