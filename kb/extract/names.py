"""Matching the names an article uses against the knowledge base's actors.

Articles write the same person many ways: with honorifics and titles ("Sheikh Mohammed bin
Abdulrahman Al Thani", "Qatari Prime Minister Sheikh Mohammed"), with other transliterations
("el-Sisi", "al-Sisi", "Sisi"; "Mohammed", "Muhammad"), with or without the hyphen of a particle
("Al Thani", "Al-Thani"), or only by their post ("Qatar's prime minister"). :func:`name_key`
folds a name to a comparable key; :class:`NameIndex` finds the one known actor a name or a
description can mean, and refuses when several can (then the draft proposes a new actor for the
curator to settle).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

#: Honorifics and titles that are never part of the name itself.
HONORIFICS = frozenset(
    """sheikh sheikha sheik shaikh emir amir king queen prince princess president vice prime
    minister foreign mr mrs ms dr prof gen general lt col maj sgt capt adm sen rep gov his her
    excellency highness majesty royal sir lord lady sayyed sayed haj hajj the elect designate""".split())

#: Given names and particles written several ways, folded to one spelling.
_SPELLINGS = {
    "mohammed": "muhammad", "mohamed": "muhammad", "mohammad": "muhammad", "muhammed": "muhammad",
    "mohamad": "muhammad", "abdel": "abd", "abdul": "abd", "abdal": "abd", "abd": "abd",
    "el": "al", "ul": "al", "ad": "al", "ar": "al", "as": "al", "ash": "al", "an": "al",
    "youssef": "yusuf", "yousef": "yusuf", "yussef": "yusuf", "yousif": "yusuf",
    "ibn": "bin", "ben": "bin",
    "binyamin": "benjamin", "benyamin": "benjamin", "yehia": "yahya", "yahia": "yahya",
}

#: Words of a post, folded to the role they name.
ROLE_WORDS = {
    "emir": "emir", "amir": "emir", "king": "king", "prince": "prince", "president": "president",
    "premier": "prime minister", "pm": "prime minister", "prime minister": "prime minister",
    "foreign minister": "foreign minister", "fm": "foreign minister",
    "director": "head", "chief": "head", "head": "head", "spy chief": "head",
    "intelligence chief": "head",
    "secretary of state": "secretary of state", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "spokesperson": "spokesperson", "envoy": "envoy",
    "ambassador": "ambassador", "commander": "commander",
    "top diplomat": "foreign minister",
    "leader": "leader",
}
#: Posts a description may mean when its own word names none ("the Israeli leader", "America's
#: top diplomat"): tried in order, the first with one known holder wins.
ROLE_FALLBACKS = {
    "leader": ("prime minister", "president", "emir", "king", "head"),
    "foreign minister": ("foreign minister", "secretary of state"),
}
_ROLE = re.compile(r"(?i)\b(" + "|".join(sorted((re.escape(w) for w in ROLE_WORDS),
                                                key=len, reverse=True)) + r")\b")


def _fold(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ascii_text.lower().replace("’", "").replace("'", "")


def _token(word: str) -> str:
    word = _SPELLINGS.get(word, word)
    particle = re.match(r"(?:abdel|abdul|abdal)(?=[a-z]{3})", word)
    if particle:  # "Abdelatty", "Abdulrahman": the particle written together with the name
        word = "abd" + word[particle.end():]
    if len(word) > 4 and word.endswith(("eh", "ah")):
        word = word[:-2] + "a"  # Haniyeh, Haniyah, Haniya
    return re.sub(r"(.)\1", r"\1", word)  # Youssef / Yusef


def name_key(name: str) -> tuple[str, ...]:
    """A name as comparable tokens: no honorifics, titles, diacritics or hyphens, one spelling."""
    words = re.findall(r"[a-z0-9]+", _fold(name))
    tokens = [_token(word) for word in words if word not in HONORIFICS]
    return tuple(tokens)


def _without_lineage(key: tuple[str, ...]) -> tuple[str, ...]:
    """A name's key without its "bin X" links ("Majed bin Mohammed Al-Ansari": Majed
    Al-Ansari), which a writer gives or leaves out."""
    plain: list[str] = []
    skip = False
    for token in key:
        if skip:
            skip = False
        elif token in ("bin", "bint"):
            skip = True
        else:
            plain.append(token)
    return tuple(plain)


def _another_given_name(key: tuple[str, ...], family: tuple[str, ...],
                        keys: Iterable[tuple[str, ...]]) -> bool:
    """Whether a longer name ending in a known person's family name (``family``: "al-Hayya")
    gives before it another name than the person's known full names do ("Hamam al-Hayya"
    against "Khalil al-Hayya"), the "bin X" links of a lineage left out; ``False`` when no full
    name of the person is known."""
    plain = _without_lineage(key)
    if len(plain) <= len(family) or plain[-len(family):] != family:
        return False
    known = [_without_lineage(k) for k in keys]
    given = {k[-len(family) - 1] for k in known if len(k) > len(family) and k[-len(family):] == family}
    return bool(given) and plain[-len(family) - 1] not in given


def roles_of(title: str | None) -> set[str]:
    """The roles a title names ("Qatari Prime Minister and Foreign Minister")."""
    if not title:
        return set()
    found = {ROLE_WORDS[m.group(1).lower()] for m in _ROLE.finditer(title)}
    if "foreign minister" in found or "prime minister" in found:
        found.discard("minister")
    return found


@dataclass(frozen=True)
class Person:
    """What the index knows of one actor."""

    id: str
    keys: tuple[tuple[str, ...], ...]
    roles: frozenset[str]
    organizations: frozenset[str]
    person: bool


class NameIndex:
    """The known actors by name key, and the persons by post (role and organisation)."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}

    def add(self, actor_id: str, names: Iterable[str], titles: Iterable[str] = (),
            organizations: Iterable[str] = (), person: bool = True) -> None:
        """Index an actor under its names, and a person under its posts."""
        keys = tuple(key for key in (name_key(name) for name in names) if key)
        roles = frozenset(role for title in titles for role in roles_of(title))
        self.people[actor_id] = Person(actor_id, keys, roles, frozenset(organizations), person)

    def match(self, name: str, title: str | None = None) -> str | None:
        """The one known actor ``name`` can mean, else ``None``.

        Equal keys match (also when only the spaces between their words differ: "Abdel Aty",
        "Abdelatty"); a longer name matches a known name of two words or more that it ends with
        ("Mohammed bin Abdulrahman Al Thani" and "Al-Thani"); one word matches the last word of
        one known person ("Sisi"); a middle initial counts for nothing ("Donald J. Trump"), nor
        do the "bin X" links of a lineage ("Majed bin Mohammed Al-Ansari" and "Majed al-Ansari"). A
        title whose role the actor's posts do not have ("Amir Sheikh Tamim ... Al-Thani" against
        the prime minister) rules the actor out.
        """
        key = name_key(name)
        if len(key) >= 3:  # "Donald J. Trump": a middle initial is no part of the name's key
            key = (key[0], *(token for token in key[1:-1] if len(token) > 1), key[-1])
        if not key:
            return None
        wanted = roles_of(title)
        exact, ends, last = set(), set(), set()
        for person in self.people.values():
            if wanted and person.roles and not wanted & person.roles:
                continue
            for known in person.keys:
                if known == key or (len(key) >= 2 and "".join(known) == "".join(key)) or (
                        len(key) >= 3 and len(_without_lineage(key)) >= 2
                        and _without_lineage(known) == _without_lineage(key)):
                    exact.add(person.id)  # "Abdel Aty" and "Abdelatty" alike; with or
                    # without "bin Mohammed"
                elif len(known) >= 2 and len(key) > len(known) and key[-len(known):] == known:
                    if person.person and _another_given_name(key, known, person.keys):
                        continue  # "Hamam al-Hayya" is not "Khalil al-Hayya" (his alias
                        # "al-Hayya" alone): another of the family
                    ends.add(person.id)
                elif len(key) >= 2 and len(known) > len(key) and known[-len(key):] == key \
                        and person.person:
                    ends.add(person.id)
                elif len(key) == 1 and person.person and len(known) >= 2 and \
                        known[-1] == key[0]:
                    last.add(person.id)
        for found in (exact, ends, last):
            if len(found) == 1:
                return found.pop()
            if found:
                return None
        return None

    def has_role(self, actor_id: str, role: str) -> bool:
        """Whether a known person's post is ``role``."""
        person = self.people.get(actor_id)
        return bool(person and person.person and role in person.roles)

    def holder(self, role: str, organization: str) -> str | None:
        """The one known person whose post is ``role`` of ``organization``."""
        found = [p.id for p in self.people.values()
                 if p.person and role in p.roles and organization in p.organizations]
        return found[0] if len(found) == 1 else None
