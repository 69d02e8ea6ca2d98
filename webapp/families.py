"""Families of event types, as the website draws them: one colour and one shape per family.

The timeline, the legend, the type chips and the facet swatches all read this one table: the
templates through :func:`type_family`, the script through the JSON the base template embeds.
Colours live in ``static/site.css`` (``[data-family]``, an Okabe-Ito palette that stays apart under
the common colour-vision deficiencies); shapes are drawn by ``static/timeline.js``.
"""

from __future__ import annotations

#: (family, its heading, its shape, its event types in the order their shades are given).
FAMILIES = (
    ("proposals", "Proposals and demands", "circle", ("Offer", "Demand", "Precondition")),
    ("responses", "Responses", "diamond", ("Rejection", "Acceptance")),
    ("meetings", "Meetings and talks", "square", ("Meeting", "Summit", "NegotiationRound", "Effort")),
    ("statements", "Statements", "triangle",
     ("Statement", "PressConference", "Vow", "Threat", "MediaReport")),
    ("violence", "Violence", "cross", ("Killing", "Attack")),
    ("releases", "Releases and truces", "star", ("HostageRelease", "Ceasefire")),
)
OTHER = ("other", "Other types", "ring")


def type_family(event_type: str) -> dict[str, str]:
    """The family, shape and shade (0 = the family's first type) of an event type."""
    for family, _heading, shape, types in FAMILIES:
        if event_type in types:
            return {"family": family, "shape": shape, "shade": str(types.index(event_type))}
    return {"family": OTHER[0], "shape": OTHER[2], "shade": "0"}


def families_json() -> dict:
    """The table for the browser: families in legend order and each type's family and shade."""
    return {
        "families": [{"id": family, "label": heading, "shape": shape, "types": list(types)}
                     for family, heading, shape, types in FAMILIES]
        + [{"id": OTHER[0], "label": OTHER[1], "shape": OTHER[2], "types": []}],
        "types": {event_type: type_family(event_type)
                  for _family, _heading, _shape, types in FAMILIES for event_type in types},
    }
