"""Fuzzing RDF files (issue 11, Proof): random and mutated Turtle, N-Triples, N-Quads and TriG files
are either loaded correctly or refused with one clear line naming the file, never a traceback, and a
refused file leaves the store byte-identical (its canonical N-Quads dump).

Bounded in time: a fixed number of examples (``FUZZ_EXAMPLES``, default 20 per test, about 25 s in
all on a busy 2-core machine), no deadline per example, no shrinking; derandomised under CI so that a
run is repeatable. Raise FUZZ_EXAMPLES to search longer.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple, parse

from kb.errors import KBError
from kb.load import load
from kb.load.ownership import file_graph, loads_graph
from kb.paths import ONTOLOGY_DIR
from kb.store import open_kb
from kb.timeline.rows import DERIVED
from kb.vocab import Minter
from tests.support import DATA, canonical_dump

MINTER = Minter()
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "20"))
#: No shrinking: it can take minutes; a failure is reported as found.
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=bool(os.environ.get("CI")),
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
XSD = "http://www.w3.org/2001/XMLSchema#"
FORMATS = {".ttl": RdfFormat.TURTLE, ".nt": RdfFormat.N_TRIPLES, ".nq": RdfFormat.N_QUADS,
           ".trig": RdfFormat.TRIG}
GRAPHS = [
    "http://example.org/graph/a",
    "http://example.org/graph/b",
    MINTER.graph("test-minimal").value,  # a curation source's graph
    file_graph(MINTER, ONTOLOGY_DIR / "kb.ttl").value,  # the ontology's graph
    loads_graph(MINTER).value,  # the loader's records
    MINTER.graph("_timeline").value,  # the timeline index
]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """One store for every example: the ontology and one curation source."""
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(DATA / "minimal.txt", folder / "minimal.txt")
    shutil.copy(DATA / "minimal.yaml", folder / "minimal.yaml")
    path = folder / "store"
    with open_kb(path) as kb:
        load(kb, [ONTOLOGY_DIR / "kb.ttl", folder / "minimal.yaml"], minter=MINTER)
    return path


text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
iris = st.one_of(st.sampled_from(["http://example.org/s", "http://example.org/p", "http://example.org/o"]),
                 st.builds(lambda tail: f"http://example.org/{tail}", st.from_regex(r"[a-z0-9_~.-]{0,8}",
                                                                                      fullmatch=True)))
lexicals = st.one_of(
    st.dates().map(str), st.from_regex(r"-?[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}", fullmatch=True),
    st.integers(-10**20, 10**20).map(str), st.sampled_from(["true", "yes", "1.5.2", "INF", "2024-02-30",
                                                            "2024-13", "24", "P1Y", "T25:00:00"]), text)
datatypes = st.sampled_from(["date", "dateTime", "gYear", "gYearMonth", "integer", "int", "decimal",
                             "boolean", "double", "nonNegativeInteger", "string", "anyURI"])


def _escape(value: str) -> str:
    return str(Literal(value))


@st.composite
def objects(draw) -> str:
    kind = draw(st.sampled_from(["iri", "plain", "typed", "lang"]))
    if kind == "iri":
        return f"<{draw(iris)}>"
    if kind == "plain":
        return _escape(draw(text))
    if kind == "lang":
        return _escape(draw(text)) + "@" + draw(st.sampled_from(["en", "fr", "he", "ar-EG", "x"]))
    return f"{_escape(draw(lexicals))}^^<{XSD}{draw(datatypes)}>"


@st.composite
def documents(draw) -> tuple[str, str]:
    """A syntactically valid file of one of the four formats: (suffix, text)."""
    suffix = draw(st.sampled_from(sorted(FORMATS)))
    triples = draw(st.lists(st.tuples(iris, iris, objects()), min_size=1, max_size=8))
    graph = draw(st.sampled_from(GRAPHS))
    lines = [f"<{s}> <{p}> {o}" for s, p, o in triples]
    if suffix in (".ttl", ".nt"):
        body = "".join(f"{line} .\n" for line in lines)
    elif suffix == ".nq":
        body = "".join(f"{line} <{graph}> .\n" for line in lines)
    else:
        body = f"<{graph}> {{\n" + "".join(f"{line} .\n" for line in lines) + "}\n"
    return suffix, body


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    """A valid file with bytes deleted, inserted or replaced, or cut short."""
    suffix, body = draw(documents())
    data = bytearray(body.encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["delete", "insert", "replace", "truncate"]))
        chunk = draw(st.one_of(st.binary(min_size=1, max_size=4),
                               st.sampled_from([b"<", b">", b'"', b"\\", b"{", b"}", b".", b"@", b"^^",
                                                b"_:b", b"\x00", b"\xff", b"\n", b"'''", b"@prefix"])))
        if action == "delete":
            del data[position:position + len(chunk)]
        elif action == "insert":
            data[position:position] = chunk
        elif action == "replace":
            data[position:position + len(chunk)] = chunk
        else:
            del data[position:]
    return suffix, bytes(data)


def _as_stored(triple: Triple) -> Triple:
    """The triple as Oxigraph stores it: it keeps some typed literals in their canonical type
    (``"1"^^xsd:int`` comes back as ``xsd:integer``), whichever way the file is loaded."""
    memory = Store()
    memory.add(Quad(triple.subject, triple.predicate, triple.object))
    return next(iter(memory)).triple


def _term_free_of_blank_nodes(quad) -> bool:
    return not any(isinstance(term, BlankNode) for term in (quad.subject, quad.object))


def check_load(store: Path, folder: Path, suffix: str, data: bytes, bulk: bool) -> None:
    """Load ``data`` as a file: a correct load, or a one-line KBError and an unchanged store."""
    path = folder / f"fuzz{suffix}"
    path.write_bytes(data)
    before = canonical_dump(store)
    try:
        with open_kb(store) as kb:
            load(kb, [path], minter=MINTER, bulk_over=0 if bulk else None)
    except KBError as err:
        message = str(err)
        assert "\n" not in message and "fuzz" in message, message
        assert canonical_dump(store) == before, f"refused ({message}) but the store changed"
        assert not [p for p in store.parent.glob("store.*") if p.is_dir()]
        return
    expected = {}
    for quad in parse(data, format=FORMATS[suffix], base_iri=MINTER.base):
        graph = quad.graph_name
        if suffix in (".ttl", ".nt") or isinstance(graph, DefaultGraph):
            graph = file_graph(MINTER, path)
        if graph in (loads_graph(MINTER), NamedNode(MINTER.graph("_timeline").value)):
            continue
        if quad.predicate not in DERIVED:
            expected.setdefault(graph, set()).add(_as_stored(quad.triple))
    with open_kb(store, read_only=True) as kb:
        for graph, triples in expected.items():
            stored = {q.triple for q in kb.backend.store.quads_for_pattern(None, None, None, graph)
                      if q.predicate not in DERIVED}
            assert len(stored) == len(triples), f"{graph}: {len(stored)} stored, {len(triples)} in the file"
            assert {t for t in stored if _term_free_of_blank_nodes(t)} == {
                t for t in triples if _term_free_of_blank_nodes(t)}


@FUZZ
@given(document=documents(), bulk=st.booleans())
def test_generated_rdf_files_load_correctly_or_are_refused_cleanly(store, tmp_path_factory, document, bulk):
    suffix, body = document
    check_load(store, tmp_path_factory.getbasetemp(), suffix, body.encode("utf-8"), bulk)


@FUZZ
@given(document=mutated(), bulk=st.booleans())
def test_mutated_rdf_files_load_correctly_or_are_refused_cleanly(store, tmp_path_factory, document, bulk):
    suffix, data = document
    check_load(store, tmp_path_factory.getbasetemp(), suffix, data, bulk)


@FUZZ
@given(data=st.binary(max_size=200), suffix=st.sampled_from(sorted(FORMATS)))
def test_random_bytes_are_refused_or_loaded_never_a_traceback(store, tmp_path_factory, data, suffix):
    check_load(store, tmp_path_factory.getbasetemp(), suffix, data, False)
