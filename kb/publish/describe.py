"""What the dataset description adds for releases: version, temporal coverage and how to cite.

:func:`kb.linked.void` describes the dataset (VoID and DCAT) and :func:`kb.linked.dataset_schema_org`
its schema.org ``Dataset``; this module adds what releases know: the latest release's version and
date (from the store's releases graph, see :mod:`kb.publish.release`), the first and last day of
any event, the tables and data package as distributions, and a citation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pyoxigraph import Literal, NamedNode, Triple, Variable

from kb.pages.linked import DATASET_LICENSE, Site
from kb.publish.columns import TABLES
from kb.publish.datapackage import TITLE
from kb.publish.tombstones import releases_graph
from kb.store import KnowledgeBase
from kb.timeline.window import extent
from kb.vocab import DCAT, DCT, OWL, PREFIXES, RDF, XSD, Minter

AUTHOR = "The negotiation timelines knowledge base contributors"
DATA_PACKAGE_PROFILE = "https://specs.frictionlessdata.io/data-package/"

_LATEST = """
SELECT ?graph ?version ?issued WHERE {
  GRAPH ?graph { ?release dcat:version ?version ; dct:issued ?issued }
} ORDER BY DESC(?issued) DESC(?version) LIMIT 1"""


@dataclass(frozen=True)
class DatasetFacts:
    """The latest release (if any), the temporal coverage and the citation."""

    version: str | None
    issued: date | None
    earliest: date | None
    latest: date | None
    citation: str


def dataset_facts(kb: KnowledgeBase, minter: Minter, site: Site) -> DatasetFacts:
    """Read the latest release and the coverage, and word the citation."""
    rows = kb.select(
        _LATEST,
        substitutions={Variable("graph"): releases_graph(minter)},
        prefixes={**PREFIXES, "dcat": DCAT.iri},
    )
    version = rows[0]["version"].value if rows else None
    issued = date.fromisoformat(rows[0]["issued"].value) if rows else None
    earliest, latest = extent(kb, minter)
    year = issued.year if issued else date.today().year
    citation = (
        f"{AUTHOR} ({year}). {TITLE}"
        + (f", version {version}" if version else ", unreleased snapshot")
        + f" [data set]. {site.url('/')}"
    )
    return DatasetFacts(version, issued, earliest, latest, citation)


def void_additions(facts: DatasetFacts, site: Site) -> list[Triple]:
    """VoID/DCAT triples: version, issue date, temporal coverage, citation, tables and data package."""
    dataset = NamedNode(site.dataset)
    triples = [Triple(dataset, DCT.bibliographicCitation, Literal(facts.citation, language="en"))]
    if facts.version:
        triples += [
            Triple(dataset, DCAT.version, Literal(facts.version)),
            Triple(dataset, OWL.versionInfo, Literal(facts.version)),
        ]
    if facts.issued:
        triples.append(Triple(dataset, DCT.issued, Literal(facts.issued.isoformat(), datatype=XSD.date)))
    if facts.earliest and facts.latest:
        period = NamedNode(site.dataset + "-temporal")
        triples += [
            Triple(dataset, DCT.temporal, period),
            Triple(period, RDF.type, DCT.PeriodOfTime),
            Triple(period, DCAT.startDate, Literal(facts.earliest.isoformat(), datatype=XSD.date)),
            Triple(period, DCAT.endDate, Literal(facts.latest.isoformat(), datatype=XSD.date)),
        ]
    package = NamedNode(site.dataset + "-datapackage")
    triples += [
        Triple(dataset, DCAT.distribution, package),
        Triple(package, RDF.type, DCAT.Distribution),
        Triple(package, DCAT.downloadURL, NamedNode(site.url("/data/datapackage.json"))),
        Triple(
            package,
            DCAT.mediaType,
            NamedNode("https://www.iana.org/assignments/media-types/application/json"),
        ),
        Triple(package, DCT.conformsTo, NamedNode(DATA_PACKAGE_PROFILE)),
        Triple(package, DCT.license, NamedNode(DATASET_LICENSE)),
    ]
    for name in TABLES:
        table = NamedNode(site.dataset + f"-table-{name}")
        triples += [
            Triple(dataset, DCAT.distribution, table),
            Triple(table, RDF.type, DCAT.Distribution),
            Triple(table, DCT.title, Literal(f"{name}.csv", language="en")),
            Triple(table, DCAT.downloadURL, NamedNode(site.url(f"/data/{name}.csv"))),
            Triple(table, DCAT.mediaType, NamedNode("https://www.iana.org/assignments/media-types/text/csv")),
            Triple(table, DCT.license, NamedNode(DATASET_LICENSE)),
        ]
    return triples


def schema_org_additions(facts: DatasetFacts, site: Site) -> dict:
    """schema.org ``Dataset`` properties: version, dates, coverage, citation, creator, tables."""
    data: dict = {
        "citation": facts.citation,
        "creator": {"@type": "Organization", "name": AUTHOR},
        "isAccessibleForFree": True,
    }
    if facts.version:
        data["version"] = facts.version
    if facts.issued:
        data["datePublished"] = facts.issued.isoformat()
    if facts.earliest and facts.latest:
        data["temporalCoverage"] = f"{facts.earliest.isoformat()}/{facts.latest.isoformat()}"
    data["distribution"] = [
        {
            "@type": "DataDownload",
            "encodingFormat": "application/json",
            "contentUrl": site.url("/data/datapackage.json"),
            "name": "Frictionless Data Package",
        },
        *(
            {
                "@type": "DataDownload",
                "encodingFormat": "text/csv",
                "contentUrl": site.url(f"/data/{name}.csv"),
                "name": f"{name}.csv",
            }
            for name in TABLES
        ),
    ]
    return data
