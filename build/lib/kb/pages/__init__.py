"""What every page of the site shows, as plain dataclasses (no Flask, no pyoxigraph terms).

One module a page family: ``event``, ``actor``, ``place``, ``source``, ``ontology`` and ``resource``
(anything else with an IRI), built from the small shared parts in ``parts`` (references, dates,
claims, :func:`~kb.pages.parts.as_json`, :class:`~kb.pages.parts.EntityNotFound`). ``linked``
gives the same things as linked data (RDF descriptions, schema.org JSON-LD, the VoID description),
``stats`` the counts ``kb stats`` prints.

May import ``kb.vocab``, ``kb.dates``, ``kb.errors``, ``kb.formats``, ``kb.store``, ``kb.queries``
and ``kb.timeline``; never the web app or CLI. Inside: every page module imports ``parts``; only
``linked`` imports the page modules.
"""
