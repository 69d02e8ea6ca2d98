"""The timeline: events placed in time, filtered, counted and drawn in lanes.

Owns the derived timeline data the loader writes (``rows``: a row per event, digests and the stored
index of periods), reading it back (``window``: a window's events, an actor's events, the extent,
labels), the arrays every view is built from (``index``: the web app's in-memory index of every
event, or one window's), the plain values of a view (``model``) and building a view once (``view``).

Words: a *period* is a date range of the stored index (a month, a year or ``wide``; typed
``kbo:DateBucket`` in the data); a *month key* is ``kbo:monthKey``; a *bucket* is one bin of the
counts a view draws past its threshold (a day, week, month or year).

May import ``kb.vocab``, ``kb.dates``, ``kb.errors``, ``kb.store`` and ``kb.queries``; never the
loader, pages, CLI or web app. Inside: ``model`` and ``rows`` import nothing of the package;
``window`` imports them; ``index`` imports ``window`` and ``model``; ``view`` imports all.
"""
