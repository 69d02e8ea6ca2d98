"""Publishing the knowledge base for others to build on: tables, data packages, codebooks, releases.

- :mod:`kb.publish.columns`: every table and column, typed and described, in one place;
- :mod:`kb.publish.precision`: a date's precision as the codes of ACLED, UCDP and Wikidata;
- :mod:`kb.publish.tables`: the tables (events, claims, roles, actors, places, sources, relations);
- :mod:`kb.publish.datapackage`: a Frictionless Data Package of the tables;
- :mod:`kb.publish.codebook`: the codebook (Markdown and HTML) of every column;
- :mod:`kb.publish.release`: dated, versioned bundles, their changelog and tombstones;
- :mod:`kb.publish.reconcile`: the W3C Reconciliation Service API, without the web.

It may import ``kb.vocab``, ``kb.dates``, ``kb.errors``, ``kb.store``, ``kb.queries`` and
``kb.timeline``; nothing of Flask. Every directory it writes is written to a temporary
directory beside the target and renamed into place, so a failure leaves nothing half written.
"""
