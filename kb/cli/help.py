"""``kb help TOPIC``: pages read from the project's own documentation, so that each is written once.

``curation`` is the curation guide (``seeds/README.md``); ``dates`` is its section on dates, after
the date syntax that :mod:`kb.dates` accepts.
"""

from __future__ import annotations

import re

from kb import dates
from kb.errors import NotFound
from kb.paths import SEEDS_DIR, display

GUIDE = SEEDS_DIR / "README.md"
_TOPICS = {
    "curation": "the curation file format: sources, actors, events, dates, roles (seeds/README.md)",
    "dates": "the date syntax: EDTF values, bounds and precision, and how to write what a source says",
}


def topics() -> dict[str, str]:
    """Each topic with a line on what it covers."""
    return dict(_TOPICS)


def _section(text: str, heading: str) -> str:
    """The section of a Markdown ``text`` under the heading that contains ``heading``, to the next
    heading of the same or a higher level."""
    lines = text.splitlines()
    for start, line in enumerate(lines):
        found = re.match(r"^(#+)\s+(.*)$", line)
        if found and heading.casefold() in found.group(2).casefold():
            level = len(found.group(1))
            end = next((i for i in range(start + 1, len(lines))
                        if (m := re.match(r"^(#+)\s", lines[i])) and len(m.group(1)) <= level), len(lines))
            return "\n".join(lines[start:end]).strip() + "\n"
    return ""


def page(topic: str) -> str:
    """The text of ``topic``."""
    if topic not in _TOPICS:
        from difflib import get_close_matches

        near = get_close_matches(topic, _TOPICS, n=1)
        raise NotFound(f"no help topic {topic!r}",
                       hint=f"did you mean '{near[0]}'?" if near else f"topics: {', '.join(_TOPICS)}")
    try:
        guide = GUIDE.read_text(encoding="utf-8")
    except OSError as err:
        raise NotFound(f"the curation guide cannot be read ({err.strerror})", where=display(GUIDE),
                       hint="run kb from a checkout of the project") from None
    if topic == "curation":
        return guide
    syntax = (dates.__doc__ or "").strip()
    return f"# Dates\n\n{syntax}\n\n{_section(guide, 'Dates')}"
