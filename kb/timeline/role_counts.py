"""Derived role counts: per month key, actor, role and days, how many events (``queries/actor-roles``).

Answering "who took part, in which role" over a month reads every event of the month, its dating and
every role of it (about 3,500 events and 7,000 roles a month at 1M events: 0.6-1 s). The loader
therefore keeps, in the one graph :func:`role_counts_graph` that holds nothing else, for each month
key (``<id/bucket/2024-10/roles> kbo:rolesMonth "2024-10"``):

- per actor's role and days of the *regular* events with that month key that give the actor that
  role, one cell ``<ACTOR/roles/ROLE> <id/bucket/2024-10/roles> "EARLIEST LATEST EVENTS"``: the
  subject is the actor's role node (:func:`pair_node`, named by ``kbo:cellActor`` and
  ``kbo:cellRole``), the property is the month's node itself, and the code gives the least earliest
  and greatest latest day of the events (four digits each: :func:`day_code`, days since 0001-01-01 in
  base 62, which compare as the days do) and how many they are (decimal). The days the cells are
  grouped by (the first and last day of the month the event's dating covers: the first day when it
  began before the month, the last when it ends after it) make the code's days exact for every event
  of a cell, so that a window's partial first or last month keeps a cell when its days meet the
  window's. A code of at most 15 characters is kept inline by Oxigraph: a window groups its cells by
  node ids and reads no text until the page's rows are chosen (a year at 100k events: 4,000 cells).
  The cells of the events that began before the month are kept apart, under the month's
  ``kbo:carriedCells`` property (``<id/bucket/2024-10/carried>``): only a window's first month reads
  them, every later month counts only the events that begin in it.
- under each quarter key (``<id/bucket/2024-Q4/roles> kbo:rolesMonth "2024-Q4"``), one cell per actor's
  role of the regular events that begin in one of its three months (:func:`quarter_of`): the sum of
  those months' cells, so that a window read month by month reads one quarter instead of three months
  it covers whole (after its first month);
- under ``wide``, the same cells for the events dated by one claim that spans three years or more
  (month key ``wide``), per actor's role and exact days, which every window compares with its own;
- ``kbo:exactEvent <event>``: each event with that month key that more than one claim dates (or
  whose one claim's bounds are not both ``YYYY-MM-DD``), counted at query time from its claims as
  before (their month keys need not be contiguous, and which of them meets a window depends on the
  days).

and, for each actor, whatever the dates (``<ACTOR/roles> kbo:roleTotal "EVENTS EARLIEST LATEST
ROLE"``, a :data:`TOTALS` node): one literal per role type it held in dated events, how many distinct
events, the least earliest and greatest latest day any of their claims gives. actor-roles without a
window reads a page of actors' totals instead of every event of them (the busiest synthetic actor
has 88,000 events at 1M).

A *regular* event is dated by exactly one claim (one named graph gives its ``kbo:monthKey``),
spanning less than three years, with bounds written ``YYYY-MM-DD`` (a year of four digits from
0001, no time zone; any other is counted exactly), whose month keys are the months its bounds cover,
so every window meets it exactly when it meets that claim. A window of months M0..Mn counts a
regular event once: in M0 when it has that key, else in the month it begins; a cell of a month the
window covers only in part counts only when its days meet the window's. Roles are read from every
graph (as the query does); only actors that are IRIs are counted.

A load recounts, in the same SPARQL update as the load, every month key (before and after) of the
events it touches, and the totals of their actors (:func:`role_counts_update`); a bulk load and
``kb reindex`` recount them all (:func:`rebuild_role_counts`, :func:`recount_roles`). They are
derived data: a file's own are dropped (:func:`without_role_counts`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad

from kb.timeline.rows import PERIOD_SEGMENT
from kb.vocab import KBO, RDF, SEM, XSD, Minter

#: The slug of the role counts graph (``id/graph/_roles``): no source slug starts with "_".
ROLE_COUNTS_SLUG = "_roles"
ROLE_COUNTED = (KBO.rolesMonth, KBO.carriedCells, KBO.cellActor, KBO.cellRole, KBO.exactEvent,
                KBO.roleTotal, KBO.coActorTotal)
#: What follows an actor's IRI in the IRI of its totals' node (``<ACTOR/roles> kbo:roleTotal ...``);
#: its role pairs' nodes add a slash and the role (``<ACTOR/roles/mediator>``, :func:`pair_node`).
TOTALS = "/roles"
#: The classes of the role counts graph once it holds every month's counts and every actor's totals
#: (a store given role counts by an earlier version lacks one of them: ``kb reindex``).
MARK_CLASSES = (KBO.RoleCounts, KBO.RoleTotals, KBO.CoActorTotals, KBO.PairCells)
MARKS = ", ".join(f"<{mark.value}>" for mark in MARK_CLASSES)
#: Month keys recounted by one update when every key is recounted.
ROLE_BATCH = 16

#: The digits of a cell's days, in the order of their code points, so that codes compare as the days
#: do: a day is written as the number of days since 0001-01-01 (:data:`EPOCH`) in base 62, four
#: digits (:data:`DAY_WIDTH`: up to 9999-12-31 and beyond).
DAY_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
DAY_WIDTH = 4
EPOCH = "0001-01-01"

_KEY_OF = 'CONCAT(STR(YEAR({d})), IF(MONTH({d}) < 10, "-0", "-"), STR(MONTH({d})))'
#: A bound written YYYY-MM-DD from 0001 on: ten characters (a fifth digit of the year, a minus sign or
#: a time zone makes it longer or begins it otherwise), the only bounds a cell's day code writes.
_PLAIN = 'STRLEN(STR({d})) = 10 && !STRSTARTS(STR({d}), "-") && !STRSTARTS(STR({d}), "0000")'
#: The days from EPOCH to the xsd:date {d} (its duration's text is "PnD", or "PT0S" on EPOCH itself).
_DAYS = (f'COALESCE(<{XSD.integer.value}>(STRBEFORE(STRAFTER(STR({{d}} - "{EPOCH}"^^<{XSD.date.value}>), '
         f'"P"), "D")), 0)')
_DIGIT = (f'SUBSTR("{DAY_DIGITS}", <{XSD.integer.value}>(FLOOR({{n}} / {{unit}}) '
          f'- FLOOR({{n}} / {{unit}} / 62) * 62) + 1, 1)')
#: The KBO namespace a role type's IRI is shortened from in its pair node (any other is written whole).
_ROLE_NS = KBO.offerer.value.rsplit("#", 1)[0] + "#"


def _day_code_sparql(day: str) -> str:
    """The SPARQL expression of the day code (:func:`day_code`) of the xsd:date expression ``day``."""
    days = _DAYS.format(d=day)
    digits = (_DIGIT.format(n=days, unit=len(DAY_DIGITS) ** at) for at in reversed(range(DAY_WIDTH)))
    return f"CONCAT({', '.join(digits)})"


def _pair_sparql(actor: str, role: str) -> str:
    """The SPARQL expression of the pair node (:func:`pair_node`) of ``actor`` and ``role``."""
    return (f'IRI(CONCAT(STR({actor}), "{TOTALS}/", IF(STRSTARTS(STR({role}), "{_ROLE_NS}"), '
            f'STRAFTER(STR({role}), "{_ROLE_NS}"), ENCODE_FOR_URI(STR({role})))))')


def day_code(day: str) -> str:
    """A YYYY-MM-DD day as a cell writes it: its days since :data:`EPOCH` in :data:`DAY_DIGITS`."""
    count = date.fromisoformat(day).toordinal() - 1
    digits = ""
    for _ in range(DAY_WIDTH):
        count, digit = divmod(count, len(DAY_DIGITS))
        digits = DAY_DIGITS[digit] + digits
    return digits


def day_of_code(code: str) -> str:
    """The YYYY-MM-DD day of a day code (:func:`day_code`)."""
    count = 0
    for digit in code:
        count = count * len(DAY_DIGITS) + DAY_DIGITS.index(digit)
    return date.fromordinal(count + 1).isoformat()


def is_plain(day: str) -> bool:
    """True when the lexical form of an ``xsd:date`` is YYYY-MM-DD from 0001 on (:data:`_PLAIN`)."""
    return len(day) == 10 and not day.startswith(("-", "0000"))


def pair_node(actor: str, role: str) -> NamedNode:
    """The node of an actor's role (``<ACTOR/roles/mediator>``; a role type outside the ontology's
    namespace percent-encoded whole), the subject of its cells: ``kbo:cellActor`` and ``kbo:cellRole``
    name them."""
    slug = role[len(_ROLE_NS):] if role.startswith(_ROLE_NS) else quote(role, safe="")
    return NamedNode(f"{actor}{TOTALS}/{slug}")


_RECOUNT = """DELETE {{ GRAPH {graph} {{ ?pair ?set ?code }} }}
WHERE {{ {values}GRAPH {graph} {{ ?set <{month}> ?key . ?pair ?set ?code }} }} ;
DELETE {{ GRAPH {graph} {{ ?pair ?carried ?code }} }}
WHERE {{ {values}GRAPH {graph} {{ ?set <{month}> ?key ; <{carried_cells}> ?carried .
                                   ?pair ?carried ?code }} }} ;
DELETE {{ GRAPH {graph} {{ ?set ?p ?o }} }}
WHERE {{ {values}GRAPH {graph} {{ ?set <{month}> ?key ; ?p ?o }} }} ;
INSERT {{ GRAPH {graph} {{ ?set a <{cls}> ; <{month}> ?key ; <{carried_cells}> ?carried .
                           ?pair ?kept_as ?code }} }}
WHERE {{
  SELECT ?key ?set ?carried ?pair ?kept_as (CONCAT({first_code}, {last_code}, STR(?all)) AS ?code)
  WHERE {{
    {{ SELECT ?key ?actor ?role ?sd ?ed ?start (COUNT(?event) AS ?all)
             (MIN(?earliest) AS ?first) (MAX(?latest) AS ?last)
      WHERE {{
        {{ SELECT DISTINCT ?key ?event ?earliest ?latest ?sd ?ed ?start ?actor ?role WHERE {{
          {values}GRAPH ?claim {{ ?event <{month_key}> ?key ;
                                  <{earliest}> ?earliest ; <{latest}> ?latest }}
          FILTER(?claim != {graph} && {plain_earliest} && {plain_latest})
          FILTER NOT EXISTS {{ GRAPH ?other {{ ?event <{month_key}> ?other_key }}
                               FILTER(?other != ?claim || ?other_key = "wide") }}
          GRAPH ?g1 {{ ?event <{has_actor}> ?role_node }}
          GRAPH ?g2 {{ ?role_node <{value}> ?actor }}
          GRAPH ?g3 {{ ?role_node <{role_type}> ?role }}
          FILTER(isIRI(?actor))
          BIND({key_of_earliest} AS ?begins)
          BIND(IF(?begins = ?key, DAY(?earliest), 1) AS ?sd)
          BIND(IF({key_of_latest} = ?key, DAY(?latest), 31) AS ?ed)
          BIND(IF(?begins = ?key, 1, 0) AS ?start)
        }} }}
      }} GROUP BY ?key ?actor ?role ?sd ?ed ?start }}
    BIND(IRI(CONCAT("{prefix}", ENCODE_FOR_URI(?key), "/roles")) AS ?set)
    BIND(IRI(CONCAT("{prefix}", ENCODE_FOR_URI(?key), "/carried")) AS ?carried)
    BIND({pair} AS ?pair)
    BIND(IF(?start = 1, ?set, ?carried) AS ?kept_as)
  }}
}} ;
INSERT {{ GRAPH {graph} {{ ?pair <{cell_actor}> ?actor ; <{cell_role}> ?role }} }}
WHERE {{
  SELECT DISTINCT ?pair ?actor ?role WHERE {{
    {values}GRAPH ?claim {{ ?event <{month_key}> ?key ; <{earliest}> ?earliest ; <{latest}> ?latest }}
    FILTER(?claim != {graph})
    GRAPH ?g1 {{ ?event <{has_actor}> ?role_node }}
    GRAPH ?g2 {{ ?role_node <{value}> ?actor }}
    GRAPH ?g3 {{ ?role_node <{role_type}> ?role }}
    FILTER(isIRI(?actor))
    BIND({pair} AS ?pair)
  }}
}} ;
INSERT {{ GRAPH {graph} {{ ?set a <{cls}> ; <{month}> ?key ; <{exact}> ?event }} }}
WHERE {{
  SELECT DISTINCT ?key ?event (IRI(CONCAT("{prefix}", ENCODE_FOR_URI(?key), "/roles")) AS ?set) WHERE {{
    {values}GRAPH ?claim {{ ?event <{month_key}> ?key }}
    FILTER(?claim != {graph})
    OPTIONAL {{ GRAPH ?claim {{ ?event <{earliest}> ?earliest ; <{latest}> ?latest }} }}
    FILTER(EXISTS {{ GRAPH ?other {{ ?event <{month_key}> ?other_key }} FILTER(?other != ?claim) }}
           || BOUND(?earliest) && !({plain_earliest} && {plain_latest}))
  }}
}} ;
INSERT {{ GRAPH {graph} {{ ?set a <{cls}> ; <{month}> ?key . ?pair ?set ?code }} }}
WHERE {{
  SELECT ?key ?set ?pair (CONCAT(?first_code, ?last_code, STR(COUNT(DISTINCT ?event))) AS ?code)
  WHERE {{
    {values}GRAPH ?claim {{ ?event <{month_key}> ?key ; <{earliest}> ?earliest ; <{latest}> ?latest }}
    FILTER(?key = "wide" && ?claim != {graph} && {plain_earliest} && {plain_latest})
    FILTER NOT EXISTS {{ GRAPH ?other {{ ?event <{month_key}> ?other_key }} FILTER(?other != ?claim) }}
    GRAPH ?g1 {{ ?event <{has_actor}> ?role_node }}
    GRAPH ?g2 {{ ?role_node <{value}> ?actor }}
    GRAPH ?g3 {{ ?role_node <{role_type}> ?role }}
    FILTER(isIRI(?actor))
    BIND(IRI(CONCAT("{prefix}", ENCODE_FOR_URI(?key), "/roles")) AS ?set)
    BIND({pair} AS ?pair)
    BIND({earliest_code} AS ?first_code)
    BIND({latest_code} AS ?last_code)
  }} GROUP BY ?key ?set ?pair ?first_code ?last_code
}}"""


_RECOUNT_QUARTERS = """DELETE {{ GRAPH {graph} {{ ?pair ?set ?code }} }}
WHERE {{ {quarters}GRAPH {graph} {{ ?set <{month}> ?quarter . ?pair ?set ?code }}
         FILTER(CONTAINS(?quarter, "-Q")) }} ;
DELETE {{ GRAPH {graph} {{ ?set ?p ?o }} }}
WHERE {{ {quarters}GRAPH {graph} {{ ?set <{month}> ?quarter ; ?p ?o }} FILTER(CONTAINS(?quarter, "-Q")) }} ;
INSERT {{ GRAPH {graph} {{ ?set a <{cls}> ; <{month}> ?quarter . ?pair ?set ?code }} }}
WHERE {{
  SELECT ?quarter (IRI(CONCAT("{prefix}", ENCODE_FOR_URI(?quarter), "/roles")) AS ?set) ?pair
         (CONCAT(MIN(?first_code), MAX(?last_code), STR(SUM(?count))) AS ?code)
  WHERE {{
    {months}GRAPH {graph} {{ ?month_set <{month}> ?key . ?pair ?month_set ?cell }}
    FILTER(?key != "wide" && !CONTAINS(?key, "-Q"))
    BIND(CONCAT(REPLACE(?key, "-[0-9]+$", ""), "-Q",
                STR(<{integer}>(FLOOR((<{integer}>(REPLACE(?key, "^.*-", "")) - 1) / 3)) + 1)) AS ?quarter)
    BIND(SUBSTR(?cell, 1, {width}) AS ?first_code)
    BIND(SUBSTR(?cell, {width} + 1, {width}) AS ?last_code)
    BIND(<{integer}>(SUBSTR(?cell, 2 * {width} + 1)) AS ?count)
  }} GROUP BY ?quarter ?pair
}}"""


_RECOUNT_TOTALS = """DELETE {{ GRAPH {graph} {{ ?totals ?p ?o }} }} WHERE {{ {nodes} }} ;
INSERT {{ GRAPH {graph} {{ ?totals a <{cls}> ; <{total}> ?text }} }}
WHERE {{
  SELECT ?totals (CONCAT(STR(?events), " ", STR(?first), " ", STR(?last), " ", STR(?role)) AS ?text)
  WHERE {{
    {{ SELECT ?actor ?role (COUNT(DISTINCT ?event) AS ?events) (MIN(?earliest) AS ?first)
             (MAX(?latest) AS ?last)
      WHERE {{
        {values}GRAPH ?g2 {{ ?role_node <{value}> ?actor }}
        GRAPH ?g3 {{ ?role_node <{role_type}> ?role }}
        GRAPH ?g1 {{ ?event <{has_actor}> ?role_node }}
        GRAPH ?claim {{ ?event <{earliest}> ?earliest ; <{latest}> ?latest }}
        FILTER(?claim != {graph} && isIRI(?actor))
      }} GROUP BY ?actor ?role }}
    BIND(IRI(CONCAT(STR(?actor), "{suffix}")) AS ?totals)
  }}
}} ;
INSERT {{ GRAPH {graph} {{ ?totals a <{cls}> ; <{co_total}> ?text }} }}
WHERE {{
  SELECT ?totals (CONCAT(STR(?events), " ", STR(?first), " ", STR(?last), " ", STR(?other)) AS ?text)
  WHERE {{
    {{ SELECT ?actor ?other (COUNT(DISTINCT ?event) AS ?events) (MIN(?earliest) AS ?first)
             (MAX(?latest) AS ?last)
      WHERE {{
        {values}GRAPH ?g1 {{ ?event <{involves}> ?actor }}
        GRAPH ?g2 {{ ?event <{involves}> ?other }}
        FILTER(?other != ?actor && isIRI(?actor) && isIRI(?other))
        GRAPH ?c1 {{ ?event <{earliest}> ?earliest }}
        GRAPH ?c2 {{ ?event <{latest}> ?latest }}
        FILTER(?c1 != {graph} && ?c2 != {graph})
      }} GROUP BY ?actor ?other }}
    BIND(IRI(CONCAT(STR(?actor), "{suffix}")) AS ?totals)
  }}
}}"""


#: What an event's role counts and its actors' totals are counted from.
EVENT_PARTS = (KBO.monthKey, SEM.hasActor, KBO.involves, SEM.hasEarliestBeginTimeStamp,
               SEM.hasLatestEndTimeStamp)


def role_counts_graph(minter: Minter) -> NamedNode:
    """The named graph that holds the role counts, and nothing else."""
    return minter.entity("graph", ROLE_COUNTS_SLUG)


def totals_node(actor: NamedNode) -> NamedNode:
    """The node of ``actor``'s role totals (its IRI followed by :data:`TOTALS`)."""
    return NamedNode(actor.value + TOTALS)


def recount_roles(minter: Minter, keys: Iterable[str] | None = None,
                  actors: Iterable[NamedNode] = ()) -> str:
    """A SPARQL update that rewrites the role counts of the month ``keys`` and the totals of
    ``actors`` (every key and every actor's totals when ``keys`` is ``None``, then also the marks that
    the store has them)."""
    update = _recount_keys(minter, keys)
    actors = sorted({actor.value for actor in actors})
    if keys is None or actors:
        graph = role_counts_graph(minter)
        listed = " ".join(f"<{actor}>" for actor in actors)
        values = f"VALUES ?actor {{ {listed} }} " if keys is not None else ""
        nodes = (f"GRAPH {graph} {{ ?totals a <{KBO.RoleTotals.value}> ; ?p ?o }} "
                 f"FILTER(?totals != {graph})" if keys is None else
                 f'{values}BIND(IRI(CONCAT(STR(?actor), "{TOTALS}")) AS ?totals) '
                 f"GRAPH {graph} {{ ?totals ?p ?o }}")
        totals = _RECOUNT_TOTALS.format(
            graph=graph, values=values, nodes=nodes, cls=KBO.RoleTotals.value,
            total=KBO.roleTotal.value, co_total=KBO.coActorTotal.value, involves=KBO.involves.value,
            value=RDF.value.value, role_type=SEM.roleType.value,
            has_actor=SEM.hasActor.value, earliest=SEM.hasEarliestBeginTimeStamp.value,
            latest=SEM.hasLatestEndTimeStamp.value, suffix=TOTALS)
        update = f"{update} ;\n{totals}" if update else totals
    if keys is None:  # the marks, once the store holds an event
        graph = role_counts_graph(minter)
        update += (f" ;\nINSERT {{ GRAPH {graph} {{ {graph} a {MARKS} }} }} WHERE {{ "
                   f"{{ SELECT * WHERE {{ GRAPH ?g {{ ?e <{KBO.monthKey.value}> ?k }} }} LIMIT 1 }} }}")
    return update


def _recount_keys(minter: Minter, keys: Iterable[str] | None) -> str:
    """The update that rewrites the role counts of the month ``keys`` (every key when ``None``)."""
    if keys is not None and not keys:
        return ""
    values = ""
    if keys is not None:
        listed = " ".join(str(Literal(key)) for key in sorted(set(keys)))
        values = f"VALUES ?key {{ {listed} }} "
    graph = role_counts_graph(minter)
    prefix = minter.entity(PERIOD_SEGMENT, "").value
    update = _RECOUNT.format(
        graph=graph, values=values, month=KBO.rolesMonth.value, cls=KBO.RoleCounts.value,
        carried_cells=KBO.carriedCells.value, exact=KBO.exactEvent.value,
        cell_actor=KBO.cellActor.value, cell_role=KBO.cellRole.value, month_key=KBO.monthKey.value,
        earliest=SEM.hasEarliestBeginTimeStamp.value, latest=SEM.hasLatestEndTimeStamp.value,
        has_actor=SEM.hasActor.value, value=RDF.value.value, role_type=SEM.roleType.value,
        key_of_earliest=_KEY_OF.format(d="?earliest"), key_of_latest=_KEY_OF.format(d="?latest"),
        first_code=_day_code_sparql("?first"), last_code=_day_code_sparql("?last"),
        earliest_code=_day_code_sparql("?earliest"), latest_code=_day_code_sparql("?latest"),
        plain_earliest=_PLAIN.format(d="?earliest"), plain_latest=_PLAIN.format(d="?latest"),
        pair=_pair_sparql("?actor", "?role"), prefix=prefix)
    quarters = months = ""
    if keys is not None:
        touched = sorted({quarter_of(key) for key in keys if key != "wide"})
        if not touched:
            return update
        quarters = "VALUES ?quarter { " + " ".join(str(Literal(q)) for q in touched) + " } "
        months = "VALUES ?key { " + " ".join(str(Literal(m)) for q in touched for m in months_of(q)) + " } "
    update += " ;\n" + _RECOUNT_QUARTERS.format(
        graph=graph, quarters=quarters, months=months, month=KBO.rolesMonth.value,
        cls=KBO.RoleCounts.value, prefix=prefix, width=DAY_WIDTH, integer=XSD.integer.value)
    return update


def quarter_of(month_key: str) -> str:
    """The quarter key of a month key (``2024-10`` -> ``2024-Q4``; ``-500-03`` -> ``-500-Q1``)."""
    year, month = month_key.rsplit("-", 1)
    return f"{year}-Q{(int(month) - 1) // 3 + 1}"


def months_of(quarter_key: str) -> list[str]:
    """The three month keys of a quarter key (``2024-Q4`` -> ``2024-10``, ``2024-11``, ``2024-12``)."""
    year, quarter = quarter_key.rsplit("-Q", 1)
    first = (int(quarter) - 1) * 3 + 1
    return [f"{year}-{month:02d}" for month in range(first, first + 3)]


def has_role_counts(store, minter: Minter) -> bool:
    """True when ``store`` (anything with pyoxigraph's ``query``) has been given role counts and
    totals (a store given counts by a version before the totals lacks them)."""
    graph = role_counts_graph(minter)
    return bool(store.query(f"ASK {{ GRAPH {graph} {{ {graph} a {MARKS} }} }}"))


def _touched_events(replace: Iterable[NamedNode], quads: list[Quad]) -> str:
    """A SPARQL pattern that binds ``?event`` to every event of a store whose dating, roles or actors
    (or whose role nodes' actors or role types) are in the graphs ``replace`` or named in ``quads``
    ("" when none can be)."""
    events = {q.subject for q in quads if q.predicate in EVENT_PARTS}
    role_nodes = {q.subject for q in quads if q.predicate in (RDF.value, SEM.roleType)}
    events |= {q.subject for q in quads if q.predicate == SEM.hasActor and q.object in role_nodes}
    has_actor = f"<{SEM.hasActor.value}>"
    parts = "|".join(f"<{predicate.value}>" for predicate in EVENT_PARTS)
    branches = []
    graphs = " ".join(str(graph) for graph in replace)
    if graphs:
        branches.append(f"{{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?event {parts} ?any }} }}")
        branches.append(f"{{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?role_node <{SEM.roleType.value}>|"
                        f"<{RDF.value.value}> ?any }} GRAPH ?h {{ ?event {has_actor} ?role_node }} }}")
    named = " ".join(str(node) for node in events if isinstance(node, NamedNode))
    if named:
        branches.append(f"{{ VALUES ?event {{ {named} }} }}")
    nodes = " ".join(str(node) for node in role_nodes if isinstance(node, NamedNode))
    if nodes:
        branches.append(f"{{ VALUES ?role_node {{ {nodes} }} GRAPH ?h {{ ?event {has_actor} ?role_node }} }}")
    return " UNION ".join(branches)


def touched_keys(store, replace: Iterable[NamedNode], quads: list[Quad]) -> set[str]:
    """Every month key, in ``store`` before the load or in ``quads``, of the events a load that drops
    ``replace`` and inserts ``quads`` touches (:func:`_touched_events`)."""
    keys = {q.object.value for q in quads if q.predicate == KBO.monthKey}
    pattern = _touched_events(replace, quads)
    if pattern:
        sparql = (f"SELECT DISTINCT ?key WHERE {{ {pattern} "
                  f"GRAPH ?claim {{ ?event <{KBO.monthKey.value}> ?key }} }}")
        keys.update(row[0].value for row in store.query(sparql))
    return keys


def touched_actors(store, replace: Iterable[NamedNode], quads: list[Quad]) -> set[NamedNode]:
    """Every actor that, in ``store`` before the load or in ``quads``, holds a role in or is involved
    in an event a load that drops ``replace`` and inserts ``quads`` touches: those whose totals it
    may change."""
    pattern = _touched_events(replace, quads)
    actors = {q.object for q in quads if q.predicate in (RDF.value, KBO.involves)}  # those it brings
    if pattern:
        sparql = (f"SELECT DISTINCT ?actor WHERE {{ {pattern} "
                  f"{{ GRAPH ?h {{ ?event <{SEM.hasActor.value}> ?node }} "
                  f"GRAPH ?i {{ ?node <{RDF.value.value}> ?actor }} }} "
                  f"UNION {{ GRAPH ?h {{ ?event <{KBO.involves.value}> ?actor }} }} }}")
        actors.update(row[0] for row in store.query(sparql))
    return {actor for actor in actors if isinstance(actor, NamedNode)}


def role_counts_update(store, minter: Minter, replace: Iterable[NamedNode], quads: list[Quad]) -> str:
    """The update to run, after dropping ``replace`` and inserting ``quads`` and in the same request,
    that brings the role counts and totals in step (:func:`touched_keys`, :func:`touched_actors`);
    every key and actor when ``store`` has none yet and holds or gets events."""
    if not has_role_counts(store, minter):
        has_events = bool(store.query(f"ASK {{ GRAPH ?g {{ ?e <{KBO.monthKey.value}> ?k }} }}"))
        return recount_roles(minter) if has_events or any(q.predicate == KBO.monthKey for q in quads) else ""
    keys = touched_keys(store, list(replace), quads)
    actors = touched_actors(store, list(replace), quads)
    return recount_roles(minter, keys, actors) if keys or actors else ""


def without_role_counts(quads: list[Quad]) -> list[Quad]:
    """``quads`` without any role counts a file brings (the store's own are derived): without the
    properties the loader writes them with. A cell a file writes under a month's node stays in the
    file's graph, where actor-roles never reads cells (only in the graph of the month's node)."""
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
    cells, exact, wide, pairs, totals, co_actors = _role_cells(store, graph)
    store.bulk_extend(_cell_quads(minter, cells, exact, wide, pairs, totals, co_actors))
    if next(iter(store.quads_for_pattern(None, KBO.monthKey, None)), None) is not None:
        for mark in MARK_CLASSES:  # the marks, once the store holds an event
            store.add(Quad(graph, RDF.type, mark, graph))
    months = {key for key, *_ in cells if "-Q" not in key}
    return len(months | {key for key, _ in exact} | {key for key, *_ in wide})


def _named(quads) -> Iterable[Quad]:
    return (quad for quad in quads if isinstance(quad.graph_name, NamedNode))


def _month_of(day: str) -> str:
    """The month key of an ``xsd:date`` lexical form (``2024-10-27`` -> ``2024-10``)."""
    year, month = day.lstrip("-").split("-")[:2]
    return f"{'-' if day.startswith('-') else ''}{int(year)}-{month}"


def _day_order(day: str) -> tuple:
    """An ``xsd:date`` lexical form as it sorts (a year before 1000 or before the common era too)."""
    year, month, rest = day.lstrip("-").split("-", 2)
    return (-int(year) if day.startswith("-") else int(year), month, rest)


def _role_cells(store, graph: NamedNode) -> tuple[dict, set, set, dict, dict]:
    """The cells (key, actor, role, first day, last day, begins there) -> [events, starts, earliest,
    latest] (under each quarter key too, as ``(QUARTER, actor, role, 1, 31, True)``: the sum of its
    months' cells that begin there), the (key, event) pairs counted exactly, the ("wide", text) wide
    cells, the totals (actor, role) -> [events, earliest, latest] and the co-actor totals
    (:func:`_co_actor_totals`), as :func:`recount_roles` writes them for every key and actor (the
    role counts ``graph`` left out)."""
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
    bounds: dict = {}  # (event, claim graph) -> ({earliest days}, {latest days}), for every event
    for predicate, at in ((SEM.hasEarliestBeginTimeStamp, 0), (SEM.hasLatestEndTimeStamp, 1)):
        for quad in _named(store.quads_for_pattern(None, predicate, None, None)):
            if quad.graph_name != graph:
                bounds.setdefault((quad.subject, quad.graph_name), (set(), set()))[at].add(quad.object.value)
    events = {event for (event, _), (earliest, latest) in bounds.items() if earliest and latest}
    role_nodes: dict = {}
    for quad in _named(store.quads_for_pattern(None, SEM.hasActor, None, None)):
        if quad.subject in events:
            role_nodes.setdefault(quad.object, set()).add(quad.subject)
    actors: dict = {}
    role_types: dict = {}
    named_actors = set()  # the actors that are IRIs: only they have totals
    for predicate, found in ((RDF.value, actors), (SEM.roleType, role_types)):
        for quad in _named(store.quads_for_pattern(None, predicate, None, None)):
            if quad.subject in role_nodes:
                found.setdefault(quad.subject, set()).add(quad.object.value)
                if predicate == RDF.value and isinstance(quad.object, NamedNode):
                    named_actors.add(quad.object.value)
    roles: dict = {}  # event -> {(actor, role)}
    for node, holders in role_nodes.items():
        pairs = {(actor, role) for actor in actors.get(node, ()) for role in role_types.get(node, ())}
        for event in holders:
            roles.setdefault(event, set()).update(pairs)
    totals: dict = {}  # (actor, role) -> [events, earliest, latest]
    for event, (earliest, latest) in _spans(bounds, one_claim=True).items():
        for pair in roles.get(event, ()):
            if pair[0] in named_actors:
                _widen(totals, pair, earliest, latest)
    co_actors = _co_actor_totals(store, graph, bounds)
    rows = set()
    wide: dict = {}  # ("wide", actor, role, earliest, latest) -> {event}
    pairs = {(actor, role) for event in keys for actor, role in roles.get(event, ()) if actor in named_actors}
    for (event, claim), found in regular.items():
        if not all(bounds.get((event, claim), ((), ()))):
            continue
        earliest_days, latest_days = bounds[(event, claim)]
        if not all(is_plain(day) for day in earliest_days | latest_days):
            exact.update((key, event) for key in found)  # not YYYY-MM-DD: counted from its claim
            continue
        held = [(actor, role) for actor, role in roles.get(event, ()) if actor in named_actors]
        if "wide" in found:
            for earliest in earliest_days:
                for latest in latest_days:
                    for actor, role in held:
                        wide.setdefault(("wide", actor, role, earliest, latest), set()).add(event)
            continue
        for earliest in earliest_days:
            for latest in latest_days:
                begins, ends = _month_of(earliest), _month_of(latest)
                for key in found:
                    first_day = int(earliest[-2:]) if begins == key else 1
                    last_day = int(latest[-2:]) if ends == key else 31
                    start = begins == key
                    for actor, role in held:
                        rows.add((key, event, earliest, latest, first_day, last_day, start, actor, role))
    cells: dict = {}
    for key, _event, earliest, latest, first_day, last_day, start, actor, role in rows:
        cell = cells.setdefault((key, actor, role, first_day, last_day, start), [0, 0, earliest, latest])
        cell[0] += 1
        cell[1] += start
        cell[2] = min(cell[2], earliest)
        cell[3] = max(cell[3], latest)
    for (key, actor, role, _first, _last, start), (count, _starts, earliest, latest) in list(cells.items()):
        if start:  # the quarter's cells: the events that begin in one of its months
            found = cells.setdefault((quarter_of(key), actor, role, 1, 31, True), [0, 0, earliest, latest])
            found[0] += count
            found[1] += count
            found[2] = min(found[2], earliest)
            found[3] = max(found[3], latest)
    return cells, exact, wide, pairs, totals, co_actors


def _co_actor_totals(store, graph: NamedNode, bounds: dict) -> dict:
    """(actor, other actor) -> [events, earliest, latest] for the events that involve both
    (``kbo:involves``, IRIs only) and are dated: how many, the least earliest and greatest latest day
    of any claim, as the co-actor totals of :func:`recount_roles` count them."""
    involved: dict = {}  # event -> {actor IRI}
    for quad in _named(store.quads_for_pattern(None, KBO.involves, None, None)):
        if isinstance(quad.object, NamedNode) and quad.graph_name != graph:
            involved.setdefault(quad.subject, set()).add(quad.object.value)
    pairs: dict = {}
    for event, (earliest, latest) in _spans(bounds, one_claim=False).items():
        actors = involved.get(event, ())
        for actor in actors:
            for other in actors:
                if other != actor:
                    _widen(pairs, (actor, other), earliest, latest)
    return pairs


def _spans(bounds: dict, one_claim: bool) -> dict:
    """Each dated event's least earliest and greatest latest day over its claims (``bounds``: (event,
    claim graph) -> ({earliest days}, {latest days})): from the claims that give both when
    ``one_claim`` (as ``GRAPH ?claim { ?e earliest ?a ; latest ?b }``), else from any claim, the event
    needing one of each (as the union graph's ``?e earliest ?a ; latest ?b``)."""
    spans: dict = {}  # event -> [earliest, latest], None until a claim gives it
    for (event, _), (earliest_days, latest_days) in bounds.items():
        if one_claim and not (earliest_days and latest_days):
            continue
        span = spans.setdefault(event, [None, None])
        for day in earliest_days:
            span[0] = day if span[0] is None else min(span[0], day, key=_day_order)
        for day in latest_days:
            span[1] = day if span[1] is None else max(span[1], day, key=_day_order)
    return {event: span for event, span in spans.items() if None not in span}


def _widen(table: dict, key, earliest: str, latest: str) -> None:
    """Count one more event under ``key`` in ``table`` (key -> [events, earliest, latest]) and widen
    its days to ``earliest`` and ``latest``."""
    found = table.get(key)
    if found is None:
        table[key] = [1, earliest, latest]
        return
    found[0] += 1
    found[1] = min(found[1], earliest, key=_day_order)
    found[2] = max(found[2], latest, key=_day_order)


def _cell_quads(minter: Minter, cells: dict, exact: set, wide: dict, pairs: set, totals: dict,
                co_actors: dict) -> Iterator[Quad]:
    graph = role_counts_graph(minter)
    prefix = minter.entity(PERIOD_SEGMENT, "").value
    sets: dict = {}

    def month_set(key: str, kind: str = "roles") -> NamedNode:
        if (key, kind) not in sets:
            sets[(key, kind)] = NamedNode(f"{prefix}{quote(key, safe='-._~')}/{kind}")
        return sets[(key, kind)]

    for (key, actor, role, _first, _last, start), (count, _starts, earliest, latest) in cells.items():
        code = f"{day_code(earliest)}{day_code(latest)}{count}"
        if "-Q" not in key:  # a month with cells links its carried cells' node (as the SPARQL does)
            yield Quad(month_set(key), KBO.carriedCells, month_set(key, "carried"), graph)
        yield Quad(pair_node(actor, role), month_set(key) if start else month_set(key, "carried"),
                   Literal(code), graph)
    for (key, actor, role, earliest, latest), events in wide.items():
        yield Quad(pair_node(actor, role), month_set(key),
                   Literal(f"{day_code(earliest)}{day_code(latest)}{len(events)}"), graph)
    for actor, role in pairs:
        node = pair_node(actor, role)
        yield Quad(node, KBO.cellActor, NamedNode(actor), graph)
        yield Quad(node, KBO.cellRole, NamedNode(role), graph)
    for key, event in exact:
        yield Quad(month_set(key), KBO.exactEvent, event, graph)
    for (key, kind), node in list(sets.items()):
        if kind == "roles":
            yield Quad(node, RDF.type, KBO.RoleCounts, graph)
            yield Quad(node, KBO.rolesMonth, Literal(key), graph)
    typed = set()
    for (actor, role), (events, earliest, latest) in totals.items():
        node = totals_node(NamedNode(actor))
        if node not in typed:
            typed.add(node)
            yield Quad(node, RDF.type, KBO.RoleTotals, graph)
        yield Quad(node, KBO.roleTotal, Literal(f"{events} {earliest} {latest} {role}"), graph)
    for (actor, other), (count, earliest, latest) in co_actors.items():
        node = totals_node(NamedNode(actor))
        if node not in typed:
            typed.add(node)
            yield Quad(node, RDF.type, KBO.RoleTotals, graph)
        yield Quad(node, KBO.coActorTotal, Literal(f"{count} {earliest} {latest} {other}"), graph)
