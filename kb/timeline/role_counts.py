"""Derived role counts: per month key, actor, role and days, how many events (``queries/actor-roles``).

Answering "who took part, in which role" over a month reads every event of the month, its dating and
every role of it (about 3,500 events and 7,000 roles a month at 1M events: 0.6-1 s). The loader
therefore keeps, in the one graph :func:`role_counts_graph` that holds nothing else, for each month
key (``<id/bucket/2024-10/roles> kbo:rolesMonth "2024-10"``):

- ``kbo:roleCell "SD ED ALL STARTS EARLIEST LATEST ROLE ACTOR"``: one literal per actor, role and
  days of the *regular* events with that month key that give the actor that role: ``SD``/``ED``
  the first and last day of the month the event's dating covers (two digits; ``01`` when it began
  before the month, ``31`` when it ends after it), ``ALL`` how many such events, ``STARTS`` how
  many of them begin in that month, ``EARLIEST``/``LATEST`` the least earliest and greatest latest
  day of them, then the role type's and the actor's IRIs. One index scan reads a month's cells.
- ``kbo:wideCell "EARLIEST LATEST ROLE ACTOR EVENT"`` (under ``wide`` only): each role of each event
  dated by one claim that spans three years or more (month key ``wide``), with its bounds, which
  every window compares with its own;
- ``kbo:exactEvent <event>``: each event with that month key that more than one claim dates,
  counted at query time from its claims as before (their month keys need not be contiguous, and
  which of them meets a window depends on the days).

A *regular* event is dated by exactly one claim (one named graph gives its ``kbo:monthKey``),
spanning less than three years, whose month keys are the months its bounds cover, so every window
meets it exactly when it meets that claim. A window of months M0..Mn counts a regular event once:
in M0 when it has that key, else in the month it begins (``STARTS``); a cell of a month the window
covers only in part counts only when its days meet the window's days in that month. Roles are read
from every graph (as the query does).

A load recounts, in the same SPARQL update as the load, every month key (before and after) of the
events it touches (:func:`role_counts_update`); a bulk load and ``kb reindex`` recount them all
(:func:`rebuild_role_counts`, :func:`recount_roles`). They are derived data: a file's own are
dropped (:func:`without_role_counts`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad

from kb.timeline.rows import PERIOD_SEGMENT
from kb.vocab import KBO, RDF, SEM, Minter

#: The slug of the role counts graph (``id/graph/_roles``): no source slug starts with "_".
ROLE_COUNTS_SLUG = "_roles"
ROLE_COUNTED = (KBO.rolesMonth, KBO.roleCell, KBO.exactEvent, KBO.wideCell)
#: Month keys recounted by one update when every key is recounted.
ROLE_BATCH = 16

_KEY_OF = 'CONCAT(STR(YEAR({d})), IF(MONTH({d}) < 10, "-0", "-"), STR(MONTH({d})))'
_TWO = 'IF({n} < 10, CONCAT("0", STR({n})), STR({n}))'

_RECOUNT = """DELETE {{ GRAPH {graph} {{ ?set ?p ?o }} }}
WHERE {{ {values}GRAPH {graph} {{ ?set <{month}> ?key ; ?p ?o }} }} ;
INSERT {{ GRAPH {graph} {{ ?set a <{cls}> ; <{month}> ?key ; <{cell}> ?text }} }}
WHERE {{
  SELECT ?key ?set (CONCAT({sd2}, " ", {ed2}, " ", STR(?all), " ", STR(?starts), " ", STR(?first), " ",
                          STR(?last), " ", STR(?role), " ", STR(?actor)) AS ?text)
  WHERE {{
    {{ SELECT ?key ?actor ?role ?sd ?ed (COUNT(?event) AS ?all) (SUM(?start) AS ?starts)
             (MIN(?earliest) AS ?first) (MAX(?latest) AS ?last)
      WHERE {{
        {{ SELECT DISTINCT ?key ?event ?earliest ?latest ?sd ?ed ?start ?actor ?role WHERE {{
          {values}GRAPH ?claim {{ ?event <{month_key}> ?key ;
                                  <{earliest}> ?earliest ; <{latest}> ?latest }}
          FILTER(?claim != {graph})
          FILTER NOT EXISTS {{ GRAPH ?other {{ ?event <{month_key}> ?other_key }}
                               FILTER(?other != ?claim || ?other_key = "wide") }}
          GRAPH ?g1 {{ ?event <{has_actor}> ?role_node }}
          GRAPH ?g2 {{ ?role_node <{value}> ?actor }}
          GRAPH ?g3 {{ ?role_node <{role_type}> ?role }}
          BIND({key_of_earliest} AS ?begins)
          BIND(IF(?begins = ?key, DAY(?earliest), 1) AS ?sd)
          BIND(IF({key_of_latest} = ?key, DAY(?latest), 31) AS ?ed)
          BIND(IF(?begins = ?key, 1, 0) AS ?start)
        }} }}
      }} GROUP BY ?key ?actor ?role ?sd ?ed }}
    BIND(IRI(CONCAT("{prefix}", ENCODE_FOR_URI(?key), "/roles")) AS ?set)
  }}
}} ;
INSERT {{ GRAPH {graph} {{ ?set a <{cls}> ; <{month}> ?key ; <{exact}> ?event }} }}
WHERE {{
  SELECT DISTINCT ?key ?event (IRI(CONCAT("{prefix}", ENCODE_FOR_URI(?key), "/roles")) AS ?set) WHERE {{
    {values}GRAPH ?claim {{ ?event <{month_key}> ?key }}
    FILTER(?claim != {graph})
    FILTER EXISTS {{ GRAPH ?other {{ ?event <{month_key}> ?other_key }} FILTER(?other != ?claim) }}
  }}
}} ;
INSERT {{ GRAPH {graph} {{ ?set a <{cls}> ; <{month}> ?key ; <{wide}> ?text }} }}
WHERE {{
  SELECT DISTINCT ?key (IRI(CONCAT("{prefix}", ENCODE_FOR_URI(?key), "/roles")) AS ?set)
         (CONCAT(STR(?earliest), " ", STR(?latest), " ", STR(?role), " ", STR(?actor), " ", STR(?event))
          AS ?text)
  WHERE {{
    {values}GRAPH ?claim {{ ?event <{month_key}> ?key ; <{earliest}> ?earliest ; <{latest}> ?latest }}
    FILTER(?key = "wide" && ?claim != {graph})
    FILTER NOT EXISTS {{ GRAPH ?other {{ ?event <{month_key}> ?other_key }} FILTER(?other != ?claim) }}
    GRAPH ?g1 {{ ?event <{has_actor}> ?role_node }}
    GRAPH ?g2 {{ ?role_node <{value}> ?actor }}
    GRAPH ?g3 {{ ?role_node <{role_type}> ?role }}
  }}
}}"""


def role_counts_graph(minter: Minter) -> NamedNode:
    """The named graph that holds the role counts, and nothing else."""
    return minter.entity("graph", ROLE_COUNTS_SLUG)


def recount_roles(minter: Minter, keys: Iterable[str] | None = None) -> str:
    """A SPARQL update that rewrites the role counts of the month ``keys`` (every key when ``None``,
    then also the mark that the store has them)."""
    values = ""
    if keys is not None:
        listed = " ".join(str(Literal(key)) for key in sorted(set(keys)))
        values = f"VALUES ?key {{ {listed} }} "
    graph = role_counts_graph(minter)
    update = _RECOUNT.format(
        graph=graph, values=values, month=KBO.rolesMonth.value, cls=KBO.RoleCounts.value,
        cell=KBO.roleCell.value, exact=KBO.exactEvent.value, wide=KBO.wideCell.value,
        month_key=KBO.monthKey.value,
        earliest=SEM.hasEarliestBeginTimeStamp.value, latest=SEM.hasLatestEndTimeStamp.value,
        has_actor=SEM.hasActor.value, value=RDF.value.value, role_type=SEM.roleType.value,
        key_of_earliest=_KEY_OF.format(d="?earliest"), key_of_latest=_KEY_OF.format(d="?latest"),
        sd2=_TWO.format(n="?sd"), ed2=_TWO.format(n="?ed"),
        prefix=minter.entity(PERIOD_SEGMENT, "").value)
    if keys is None:  # the mark, once the store holds an event
        update += (f" ;\nINSERT {{ GRAPH {graph} {{ {graph} a <{KBO.RoleCounts.value}> }} }} WHERE {{ "
                   f"{{ SELECT * WHERE {{ GRAPH ?g {{ ?e <{KBO.monthKey.value}> ?k }} }} LIMIT 1 }} }}")
    return update


def has_role_counts(store, minter: Minter) -> bool:
    """True when ``store`` (anything with pyoxigraph's ``query``) has been given role counts."""
    graph = role_counts_graph(minter)
    return bool(store.query(f"ASK {{ GRAPH {graph} {{ {graph} a <{KBO.RoleCounts.value}> }} }}"))


def touched_keys(store, replace: Iterable[NamedNode], quads: list[Quad]) -> set[str]:
    """Every month key, in ``store`` before the load or in ``quads``, of the events a load that drops
    ``replace`` and inserts ``quads`` touches: those whose dating or roles (or whose role nodes'
    actors or role types) are in the graphs dropped or the quads inserted."""
    events = {q.subject for q in quads if q.predicate in (KBO.monthKey, SEM.hasActor)}
    role_nodes = {q.subject for q in quads if q.predicate in (RDF.value, SEM.roleType)}
    events |= {q.subject for q in quads if q.predicate == SEM.hasActor and q.object in role_nodes}
    keys = {q.object.value for q in quads if q.predicate == KBO.monthKey}
    month_key, has_actor = f"<{KBO.monthKey.value}>", f"<{SEM.hasActor.value}>"
    branches = []
    graphs = " ".join(str(graph) for graph in replace)
    if graphs:
        branches.append(f"{{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ {{ ?event {month_key} ?any }} "
                        f"UNION {{ ?event {has_actor} ?r }} }} }}")
        branches.append(f"{{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?role_node <{SEM.roleType.value}>|"
                        f"<{RDF.value.value}> ?any }} GRAPH ?h {{ ?event {has_actor} ?role_node }} }}")
    named = " ".join(str(node) for node in events if isinstance(node, NamedNode))
    if named:
        branches.append(f"{{ VALUES ?event {{ {named} }} }}")
    nodes = " ".join(str(node) for node in role_nodes if isinstance(node, NamedNode))
    if nodes:
        branches.append(f"{{ VALUES ?role_node {{ {nodes} }} GRAPH ?h {{ ?event {has_actor} ?role_node }} }}")
    if branches:
        sparql = (f"SELECT DISTINCT ?key WHERE {{ {' UNION '.join(branches)} "
                  f"GRAPH ?claim {{ ?event {month_key} ?key }} }}")
        keys.update(row[0].value for row in store.query(sparql))
    return keys


def role_counts_update(store, minter: Minter, replace: Iterable[NamedNode], quads: list[Quad]) -> str:
    """The update to run, after dropping ``replace`` and inserting ``quads`` and in the same request,
    that brings the role counts in step (:func:`touched_keys`); every key when ``store`` has none yet
    and holds or gets events."""
    if not has_role_counts(store, minter):
        has_events = bool(store.query(f"ASK {{ GRAPH ?g {{ ?e <{KBO.monthKey.value}> ?k }} }}"))
        return recount_roles(minter) if has_events or any(q.predicate == KBO.monthKey for q in quads) else ""
    keys = touched_keys(store, list(replace), quads)
    return recount_roles(minter, keys) if keys else ""


def without_role_counts(quads: list[Quad]) -> list[Quad]:
    """``quads`` without any role counts a file brings (the store's own are derived)."""
    return [quad for quad in quads if quad.predicate not in ROLE_COUNTED]


def rebuild_role_counts(store, minter: Minter) -> int:
    """Recount the role counts of every month key of a pyoxigraph ``store`` (a staging store, or one
    being re-derived) after dropping any it holds, reading the quads once in Python (the SPARQL
    recount of every key took about 10 minutes of CPU at 1M events); the number of keys counted."""
    graph = role_counts_graph(minter)
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    for quad in [q for predicate in ROLE_COUNTED for q in store.quads_for_pattern(None, predicate, None)]:
        store.remove(quad)
    cells, exact, wide = _role_cells(store)
    store.bulk_extend(_cell_quads(minter, cells, exact, wide))
    if next(iter(store.quads_for_pattern(None, KBO.monthKey, None)), None) is not None:
        store.add(Quad(graph, RDF.type, KBO.RoleCounts, graph))  # the mark, once the store holds an event
    return len({key for key, *_ in cells} | {key for key, _ in exact} | {key for key, _ in wide})


def _named(quads) -> Iterable[Quad]:
    return (quad for quad in quads if isinstance(quad.graph_name, NamedNode))


def _month_of(day: str) -> str:
    """The month key of an ``xsd:date`` lexical form (``2024-10-27`` -> ``2024-10``)."""
    year, month = day.lstrip("-").split("-")[:2]
    return f"{'-' if day.startswith('-') else ''}{int(year)}-{month}"


def _role_cells(store) -> tuple[dict, set, set]:
    """The cells (key, actor, role, first day, last day) -> [events, starts, earliest, latest], the
    (key, event) pairs counted exactly and the ("wide", text) wide cells, as :func:`recount_roles`
    writes them for every key."""
    keys: dict = {}  # event -> {claim graph: {month key}}
    for quad in _named(store.quads_for_pattern(None, KBO.monthKey, None, None)):
        keys.setdefault(quad.subject, {}).setdefault(quad.graph_name, set()).add(quad.object.value)
    exact = set()
    regular: dict = {}  # (event, claim graph) -> its month keys
    for event, claims in keys.items():
        if len(claims) > 1:
            exact.update((key, event) for found in claims.values() for key in found)
        else:
            (claim, found), = claims.items()
            regular[(event, claim)] = found  # "wide" among them: wide cells
    bounds: dict = {}
    for predicate, at in ((SEM.hasEarliestBeginTimeStamp, 0), (SEM.hasLatestEndTimeStamp, 1)):
        for quad in _named(store.quads_for_pattern(None, predicate, None, None)):
            if (quad.subject, quad.graph_name) in regular:
                bounds.setdefault((quad.subject, quad.graph_name), (set(), set()))[at].add(quad.object.value)
    events = {event for event, _ in regular}
    role_nodes: dict = {}
    for quad in _named(store.quads_for_pattern(None, SEM.hasActor, None, None)):
        if quad.subject in events:
            role_nodes.setdefault(quad.object, set()).add(quad.subject)
    actors: dict = {}
    role_types: dict = {}
    for predicate, found in ((RDF.value, actors), (SEM.roleType, role_types)):
        for quad in _named(store.quads_for_pattern(None, predicate, None, None)):
            if quad.subject in role_nodes:
                found.setdefault(quad.subject, set()).add(quad.object.value)
    roles: dict = {}  # event -> {(actor, role)}
    for node, holders in role_nodes.items():
        pairs = {(actor, role) for actor in actors.get(node, ()) for role in role_types.get(node, ())}
        for event in holders:
            roles.setdefault(event, set()).update(pairs)
    rows = set()
    wide = set()
    for (event, claim), found in regular.items():
        if event not in roles or (event, claim) not in bounds:
            continue
        earliest_days, latest_days = bounds[(event, claim)]
        if "wide" in found:
            wide.update(("wide", f"{earliest} {latest} {role} {actor} {event.value}")
                        for earliest in earliest_days for latest in latest_days
                        for actor, role in roles[event])
            continue
        for earliest in earliest_days:
            for latest in latest_days:
                begins, ends = _month_of(earliest), _month_of(latest)
                for key in found:
                    first_day = int(earliest[-2:]) if begins == key else 1
                    last_day = int(latest[-2:]) if ends == key else 31
                    start = begins == key
                    for actor, role in roles[event]:
                        rows.add((key, event, earliest, latest, first_day, last_day, start, actor, role))
    cells: dict = {}
    for key, _event, earliest, latest, first_day, last_day, start, actor, role in rows:
        cell = cells.setdefault((key, actor, role, first_day, last_day), [0, 0, earliest, latest])
        cell[0] += 1
        cell[1] += start
        cell[2] = min(cell[2], earliest)
        cell[3] = max(cell[3], latest)
    return cells, exact, wide


def _cell_quads(minter: Minter, cells: dict, exact: set, wide: set) -> Iterator[Quad]:
    graph = role_counts_graph(minter)
    prefix = minter.entity(PERIOD_SEGMENT, "").value
    sets: dict = {}

    def month_set(key: str) -> NamedNode:
        if key not in sets:
            sets[key] = NamedNode(f"{prefix}{quote(key, safe='-._~')}/roles")
        return sets[key]

    for (key, actor, role, first_day, last_day), (count, starts, earliest, latest) in cells.items():
        text = f"{first_day:02d} {last_day:02d} {count} {starts} {earliest} {latest} {role} {actor}"
        yield Quad(month_set(key), KBO.roleCell, Literal(text), graph)
    for key, event in exact:
        yield Quad(month_set(key), KBO.exactEvent, event, graph)
    for key, text in wide:
        yield Quad(month_set(key), KBO.wideCell, Literal(text), graph)
    for key, node in sets.items():
        yield Quad(node, RDF.type, KBO.RoleCounts, graph)
        yield Quad(node, KBO.rolesMonth, Literal(key), graph)
