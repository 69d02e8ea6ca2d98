"""Running SPARQL queries for the web app: bounded in time and in rows, serialised to a format.

Package ``webapp.sparql``: :mod:`~webapp.sparql.run` (a job, running it, shaping its answer),
:mod:`~webapp.sparql.process` (a worker process's body, start and end), :mod:`~webapp.sparql.pool`
(one lane: a pool, its time limit, its bound, recycling), :mod:`~webapp.sparql.shared` (the fast
lane ``kb serve``'s supervisor runs for all its serving processes), :mod:`~webapp.sparql.zygote`
(the fork server the shared lane's workers come from), :mod:`~webapp.sparql.cost` (what a
query's recent runs took, shapes' costs shared between serving processes),
:mod:`~webapp.sparql.cache` (answers kept, and shared between serving processes),
:mod:`~webapp.sparql.folder` (the private folder of small files those two share) and
:mod:`~webapp.sparql.service` (what the views use: the fast and the slow lane). Reading the
query's text (its first keyword, SERVICE, nesting) is ``kb.sparql_text``'s. Imports ``kb`` only,
never Flask or a blueprint.

pyoxigraph cannot interrupt a running query (oxigraph issue 1926), so a time limit enforced in the
web app's own process would only stop *waiting* for a runaway query, not the query. Queries from
``/sparql`` and the query page therefore run in a small pool of worker processes (each a fresh
``python -c`` importing this module, so nothing of the web app's threads or open store is inherited
by a fork), each holding the store open read-only (``Store.read_only``: no lock, a snapshot as of
opening; the web app writes nothing while it serves). Jobs and replies travel as pickles over two
pipes. A worker runs the query, cuts it at the row limit and serialises it to the negotiated
format; the web app sends the bytes on. When the time
limit passes, the web app kills that worker (SIGKILL: it writes nothing, so nothing can be left
half-done) and starts a fresh one; the other workers go on answering meanwhile.

Two lanes, so that cheap questions never wait behind heavy ones: a query runs in the *fast* lane
unless its recent runs used more than the fast lane's budget of processor time (then in the small
*slow* lane; one far past the budget in the fast lane is stopped there and run again in the slow
lane, or, in the shared lane, goes on in its worker, which leaves the lane to a new one). Heavy
queries wait in the slow lane's line, first come first served, up to their time limit; the line
is bounded (full, or a query still waiting at its time limit: a 503 with ``Retry-After``). Costs
are processor time read from /proc, not the clock, so that a busy machine neither stops cheap
queries nor takes them for heavy ones. Workers are recycled after a number of answers or above a
resident-memory ceiling, so that memory stays bounded however long the app serves.

Over a remote store (``KB_STORE=http://...``) there is nothing local to kill: the query is sent with
an HTTP timeout, and a store with its own limit (``oxigraph serve --timeout-s``) stops the work.

Row limit: results are first written as TSV (SELECT) or N-Triples (CONSTRUCT/DESCRIBE), one row
or triple a line, by pyoxigraph's own serialiser into a writer that stops it after ``row_limit``
lines; only those lines are parsed again and written in the format asked for.
"""
