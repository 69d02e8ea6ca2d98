"""kb.formats: one list of formats, and every table the CLI, loader and web app use is read from it."""

from __future__ import annotations

import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat

from kb import formats


@pytest.mark.parametrize("fmt", [*formats.RDF.values(), *formats.RESULTS.values()], ids=lambda f: f.name)
def test_a_format_is_found_again_by_its_media_type_and_extension(fmt):
    kind = RdfFormat if isinstance(fmt.oxigraph, RdfFormat) else QueryResultsFormat
    assert kind.from_media_type(fmt.media_type) == fmt.oxigraph
    assert kind.from_extension(fmt.extension) == fmt.oxigraph
    assert ";" not in fmt.media_type


def test_dumps_keep_graphs_only_in_formats_that_carry_them():
    assert formats.DATASET_FORMATS == {"nquads", "trig", "jsonld"}
    assert set(formats.DUMP_FILES) == {"kb.nq", "kb.trig", "kb.jsonld"}
    assert all(formats.DUMP_FORMATS[name].supports_datasets for name, _ in formats.DUMP_FILES.values())


def test_the_loader_reads_each_loadable_format_by_its_extension():
    assert formats.LOAD_SUFFIXES == {".ttl": RdfFormat.TURTLE, ".nt": RdfFormat.N_TRIPLES,
                                     ".trig": RdfFormat.TRIG, ".nq": RdfFormat.N_QUADS,
                                     ".jsonld": RdfFormat.JSON_LD}
    assert set(formats.TRIPLE_FORMATS) == {RdfFormat.TURTLE, RdfFormat.N_TRIPLES}


def test_format_parameter_aliases_name_known_formats():
    for results, graph in formats.FORMAT_ALIASES.values():
        assert results is None or results in formats.RESULT_FORMATS
        assert graph is None or graph in formats.GRAPH_FORMATS
    assert formats.FORMAT_ALIASES["ttl"] == (None, "turtle")
    assert formats.FORMAT_ALIASES["srj"] == ("json", None)


def test_text_formats_say_their_charset():
    assert formats.RESULTS["csv"].content_type == "text/csv; charset=utf-8"
    assert formats.RDF["turtle"].content_type == "text/turtle; charset=utf-8"
    assert formats.RDF["jsonld"].content_type == "application/ld+json"
