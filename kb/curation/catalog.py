"""The curation files of one load, read together: who defines what, and who may not take it over.

Every file of a load is scanned first for what it defines (its source id, actors, places and
events, each with its line), so that a file may refer to what any other file of the load, or the
store, defines, in whatever order the files come. Then the load is checked as a whole:

- a source id, actor, place or event is defined by one file only; a second definition, in the load
  or in the store, is refused naming the file (and line) that has it;
- each source's main graph records the name of its curation file (``kbo:curationFile``), so that
  a later load knows which file owns what: loading the same file again replaces its graphs, while
  another file reusing its source id is refused;
- answers, repeats, preconditions, rounds and "precedes" never loop back to the event they start at;
- an actor gets at most one Wikidata id, whichever file gives it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Variable

from kb.curation.format import ACYCLIC, THREAD_LINKS
from kb.curation.yamlines import Located, load_yaml
from kb.errors import CurationError
from kb.paths import SEEDS_DIR, display
from kb.vocab import KBO, SCHEMA, SEM, WIKIDATA_ENTITY, Minter, is_slug

KINDS = ("source", "actor", "place", "event")


@dataclass
class Definition:
    """Where a file defines something: the file as shown, its name, the line and its source."""

    kind: str
    slug: str
    where: str
    file_name: str
    line: int
    source: str | None
    label: str | None = None

    @property
    def at(self) -> str:
        """'FILE line N'."""
        return f"{self.where} line {self.line}"


@dataclass
class CurationFile:
    """One curation file of the load: its path and parsed data (None when it did not parse)."""

    path: Path
    where: str
    data: Located | None
    source: str | None = None


@dataclass
class Catalog:
    """What every curation file of one load defines, and what the store holds."""

    minter: Minter
    kb: object | None = None
    files: list[CurationFile] = field(default_factory=list)
    definitions: dict[tuple[str, str], list[Definition]] = field(default_factory=dict)
    errors: list[CurationError] = field(default_factory=list)
    _store_names: dict[str, set[str]] = field(default_factory=dict)

    # -- what a file may refer to ---------------------------------------------------------------

    def defined_elsewhere(self, kind: str, slug: str, where: str) -> Definition | None:
        """The definition of ``slug`` by another file of this load, if any."""
        for definition in self.definitions.get((kind, slug), []):
            if definition.where != where:
                return definition
        return None

    def in_store(self, iri: NamedNode) -> bool:
        """True when the store holds ``iri`` as a subject."""
        return bool(self.kb is not None and self.kb.contains(iri))

    def names(self, kind: str) -> set[str]:
        """Every id of ``kind`` this load or the store knows (for 'did you mean' hints)."""
        known = {slug for (k, slug) in self.definitions if k == kind}
        return known | self._stored_names(kind)

    def _stored_names(self, kind: str) -> set[str]:
        if kind not in self._store_names:
            found: set[str] = set()
            if self.kb is not None and kind in ("actor", "place"):
                cls = "sem:Actor" if kind == "actor" else "sem:Place"
                query = f"SELECT DISTINCT ?x WHERE {{ ?x a {cls} }}"
                for row in self.kb.select(query, prefixes={"sem": SEM.iri}):
                    split = self.minter.split(row["x"].value)
                    if split and split[0] == kind:
                        found.add(split[1])
            self._store_names[kind] = found
        return self._store_names[kind]

    def actor_label(self, slug: str) -> str | None:
        """The name of an actor another file of the load or the store defines."""
        for definition in self.definitions.get(("actor", slug), []):
            return definition.label
        if self.kb is not None:
            rows = self.kb.select(
                "SELECT ?a ?name WHERE { ?a <http://www.w3.org/2000/01/rdf-schema#label> ?name }",
                substitutions={Variable("a"): self.minter.actor(slug)},
            )
            if rows:
                return rows[0]["name"].value
        return None


def scan(paths: Iterable[Path], minter: Minter, kb=None) -> Catalog:
    """Parse every curation file and note what each defines; parse errors go to ``errors``."""
    catalog = Catalog(minter=minter, kb=kb)
    for path in paths:
        where = display(path)
        try:
            data = load_yaml(path)
        except CurationError as err:
            catalog.errors.append(err)
            catalog.files.append(CurationFile(path, where, None))
            continue
        entry = CurationFile(path, where, data)
        catalog.files.append(entry)
        source = data.get("source")
        if isinstance(source, Located) and _slug(source.get("id")):
            entry.source = source["id"]
            _define(catalog, "source", source, entry, "id")
        for key, kind in (("actors", "actor"), ("places", "place"), ("events", "event")):
            for node in data.get(key) or [] if isinstance(data.get(key), list) else []:
                if isinstance(node, Located) and _slug(node.get("id")):
                    definition = _define(catalog, kind, node, entry, "id")
                    definition.label = node.get("name") if isinstance(node.get("name"), str) else None
    return catalog


def _slug(value: object) -> bool:
    return isinstance(value, str) and is_slug(value)


def _define(catalog: Catalog, kind: str, node: Located, entry: CurationFile, key: str) -> Definition:
    definition = Definition(kind, node[key], entry.where, entry.path.name, node.line_of(key), entry.source)
    catalog.definitions.setdefault((kind, node[key]), []).append(definition)
    return definition


# -- the load as a whole ------------------------------------------------------------------------


def check_together(catalog: Catalog) -> list[CurationError]:
    """Refuse take-overs (in the load and of the store), answer cycles and a second Wikidata id."""
    errors: list[CurationError] = []
    loaded_sources = {entry.source for entry in catalog.files if entry.source}
    for (kind, slug), definitions in sorted(catalog.definitions.items()):
        for definition in definitions:
            for other in definitions:
                if other is not definition and other.where != definition.where:
                    errors.append(_taken(definition, f"{other.at}"))
                    break
            else:
                owner = _store_owner(catalog, kind, slug)
                if owner is not None and _is_take_over(definition, owner, loaded_sources):
                    errors.append(_taken(definition, _describe_owner(owner, definition, catalog)))
            if any(o is not definition and o.where == definition.where for o in definitions):
                if definition is not next(o for o in definitions if o.where == definition.where):
                    errors.append(
                        CurationError(
                            f"{kind} '{slug}' is defined twice in this file",
                            where=definition.at,
                            hint="keep one definition",
                        )
                    )
    errors.extend(_cycles(catalog))
    errors.extend(_wikidata_twice(catalog))
    return errors


@dataclass
class _Owner:
    source: str | None  # the owning source's id, when the graph is one of a source's
    file_name: str | None  # its curation file, when recorded
    graph: str


def _store_owner(catalog: Catalog, kind: str, slug: str) -> _Owner | None:
    """Which source (and file) defines ``slug`` in the store, if the store has it."""
    if catalog.kb is None:
        return None
    minter = catalog.minter
    if kind == "source":
        graph = minter.graph(slug)
        rows = catalog.kb.select(
            "SELECT ?g ?file WHERE { GRAPH ?g { ?g ?p ?o OPTIONAL { ?g kbo:curationFile ?file } } } LIMIT 1",
            substitutions={Variable("g"): graph},
            prefixes={"kbo": KBO.iri},
        )
        if not rows:
            return None
        file_name = rows[0].get("file")
        return _Owner(slug, file_name.value if file_name is not None else None, graph.value)
    iri = minter.entity(kind, slug)
    marker = {"actor": "kbo:Actor", "place": "schema:Place"}.get(kind, "?type")
    rows = catalog.kb.select(
        f"SELECT ?s ?g WHERE {{ GRAPH ?g {{ ?s a {marker} }} "
        f"FILTER(!STRSTARTS(STR(?g), {Literal(minter.system_graphs())})) }} LIMIT 1",
        substitutions={Variable("s"): iri},
        prefixes={"kbo": KBO.iri, "schema": SCHEMA.iri},
    )
    if not rows:
        return None
    graph = rows[0]["g"].value
    split = minter.split(graph)
    if not split or split[0] != "graph":
        return _Owner(None, None, graph)
    source = split[1].split("/", 1)[0]
    recorded = _store_owner(catalog, "source", source)
    return _Owner(source, recorded.file_name if recorded else None, graph)


def _is_take_over(definition: Definition, owner: _Owner, loaded_sources: set[str]) -> bool:
    if definition.kind == "source":
        return owner.file_name is not None and owner.file_name != definition.file_name
    if owner.source is None:
        return True  # an RDF file's graph
    if owner.source == definition.source:
        return False
    # The owner is reloaded in this load: what its file now defines is checked within the load.
    return owner.source not in loaded_sources


def _describe_owner(owner: _Owner, definition: Definition, catalog: Catalog) -> str:
    if owner.source is None:
        return f"the graph <{owner.graph}> in the store"
    if owner.file_name:
        found = _find_definition(owner.file_name, definition, catalog)
        return found or f"{owner.file_name} (source '{owner.source}', in the store)"
    return f"source '{owner.source}' in the store"


def _find_definition(file_name: str, definition: Definition, catalog: Catalog) -> str | None:
    """'FILE line N (in the store)' when the owner's file is beside this one or in seeds/."""
    here = next((entry.path.parent for entry in catalog.files if entry.where == definition.where), None)
    for folder in (here, SEEDS_DIR):
        path = folder / file_name if folder is not None else None
        if path is None or not path.is_file():
            continue
        try:
            data = load_yaml(path)
        except CurationError:
            continue
        key = {"source": None, "actor": "actors", "place": "places", "event": "events"}[definition.kind]
        nodes = [data.get("source")] if key is None else data.get(key)
        for node in nodes if isinstance(nodes, list) else []:
            if isinstance(node, Located) and node.get("id") == definition.slug:
                return f"{display(path)} line {node.line_of('id')} (in the store)"
    return None


def _taken(definition: Definition, other: str) -> CurationError:
    kind, slug = definition.kind, definition.slug
    if kind == "source":
        hint = "give this file its own source id; to replace that source, load its own file"
    elif kind == "actor":
        hint = f"refer to it instead: '- ref: {slug}' under 'actors:' adds aliases, positions or wikidata"
    elif kind == "event":
        hint = "give this source's event its own id (see seeds/README.md: events already known)"
    else:
        hint = f"refer to the {kind} by its id without defining it again"
    return CurationError(f"{kind} '{slug}' is already defined by {other}", where=definition.at, hint=hint)


def _cycles(catalog: Catalog) -> list[CurationError]:
    errors = []
    # Each relation alone, then an offer thread as a whole: a counter-proposal answered by the
    # offer it counters is a loop though neither link alone loops.
    for relation in (*ACYCLIC, THREAD_LINKS):
        keys = relation if isinstance(relation, tuple) else (relation,)
        if isinstance(relation, tuple):
            relation = "thread"
        edges: dict[str, list[str]] = {}
        lines: dict[str, str] = {}
        for entry in catalog.files:
            for node in _events(entry):
                slug = _event_slug(node)
                for key in keys:
                    targets = node.get(key)
                    targets = targets if isinstance(targets, list) else [targets]
                    for target in targets:
                        if isinstance(target, str):
                            edges.setdefault(slug, []).append(target)
                            lines.setdefault(slug, f"{entry.where} line {node.line_of(key)}")
        for loop in _loops(edges):
            start = loop[0]
            path = " -> ".join(loop)
            if relation == "thread" and any(
                (not e.message.startswith("event '") and path in e.message) or f"'{start}'" in e.message
                for e in errors
            ):
                continue  # the loop is already reported for one relation
            errors.append(
                CurationError(
                    f"event '{start}' {relation.replace('_', ' ')} itself"
                    if len(loop) == 2 and relation != "thread"
                    else f"the offer thread (counters and answers) loops back: {path}"
                    if relation == "thread"
                    else f"the '{relation}' links loop back: {path}",
                    where=lines[start],
                    hint=f"an event cannot follow from itself; check '{relation}' of these events"
                    if relation != "thread"
                    else "a thread runs from a proposal to its counters and answers: remove the link "
                    "that points back to an earlier step",
                )
            )
    return errors


def _loops(edges: dict[str, list[str]]) -> list[list[str]]:
    """One loop per strongly tied group of events, found in one depth-first pass (linear time)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    loops = []
    for root in sorted(edges):
        if root in state:
            continue
        path: list[str] = [root]
        state[root] = 1
        stack = [iter(edges.get(root, []))]
        while stack:
            target = next(stack[-1], None)
            if target is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(target) == 1:
                loop = path[path.index(target) :]
                turn = loop.index(min(loop))  # start the loop at its smallest id, for stable messages
                loop = loop[turn:] + loop[:turn]
                loops.append([*loop, loop[0]])
            elif target not in state:
                state[target] = 1
                path.append(target)
                stack.append(iter(edges.get(target, [])))
    return loops


def _events(entry: CurationFile) -> list[Located]:
    """The events a file defines and the claims it makes about other files' events."""
    events = entry.data.get("events") if entry.data is not None else None
    if not isinstance(events, list):
        return []
    return [node for node in events if isinstance(node, Located) and _slug(_event_slug(node))]


def _event_slug(node: Located) -> object:
    """The id an event entry defines, or the id a claim ('- ref: ID') is about."""
    return node.get("id") if "id" in node else node.get("ref")


def _wikidata_twice(catalog: Catalog) -> list[CurationError]:
    given: dict[str, list[tuple[str, int]]] = {}
    for entry in catalog.files:
        actors = entry.data.get("actors") if entry.data is not None else None
        for node in actors if isinstance(actors, list) else []:
            if isinstance(node, Located) and node.get("wikidata") is not None:
                slug = node.get("id") or node.get("ref")
                if isinstance(slug, str):
                    given.setdefault(slug, []).append((entry.where, node.line_of("wikidata")))
    errors = []
    for slug, places in sorted(given.items()):
        stored = _stored_wikidata(catalog, slug, {entry.source for entry in catalog.files})
        for number, (where, line) in enumerate(sorted(places)):
            if number > 0 or stored:
                first = stored or f"{places[0][0]} line {places[0][1]}"
                errors.append(
                    CurationError(
                        f"actor '{slug}' already has a Wikidata id, given by {first}",
                        where=f"{where} line {line}",
                        hint="an actor has one Wikidata id: remove this 'wikidata'",
                    )
                )
    return errors


def _stored_wikidata(catalog: Catalog, slug: str, reloaded: set[str | None]) -> str | None:
    if catalog.kb is None:
        return None
    rows = catalog.kb.select(
        "SELECT ?a ?g ?same WHERE { GRAPH ?g { ?a schema:sameAs ?same } }",
        substitutions={Variable("a"): catalog.minter.actor(slug)},
        prefixes={"schema": SCHEMA.iri},
    )
    for row in rows:
        if not row["same"].value.startswith(WIKIDATA_ENTITY):
            continue
        split = catalog.minter.split(row["g"].value)
        source = split[1].split("/", 1)[0] if split and split[0] == "graph" else None
        if source not in reloaded:
            return f"source '{source}' in the store" if source else f"<{row['g'].value}> in the store"
    return None
