"""Associated actors: ACLED's assoc_actor_1 / assoc_actor_2.

ACLED names the main actor of each side and, beside it, the actors that took part with it on
the same side.  A side's associates are the actors the text names *with* its mention:
coordinated ("Syrian troops and Hezbollah fighters attacked ...", "killed three soldiers and two
policemen", a list "IS, Nusra and Jund al-Aqsa"), backing it in the same phrase ("government
troops, backed by allied militias, ...") or a bare demonym joined to it ("Syrian and Russian
warplanes": Syria's forces with Russia's).  Only the words between the two mentions decide, so
each associate is traceable to its own span.  The linking phrases and the small words allowed
around them are ``associate_links`` and ``associate_fillers`` in data/roles.yaml.

What is never an associate: the other side of the event (in "clashes between the army and IS"
the coordination joins the two sides), a mention of who holds a place ("IS-held"), civilians on
the acting side, and the side's own actor named twice.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.datafiles import load_yaml
from sitrep.extract.actors.dictionary import ActorDictionary
from sitrep.records import ActorMention, Document

# "fighting between X and Y", "a battle pitting X against Y": the coordination joins opponents
_BETWEEN = re.compile(r"\b(?:between|pitting|pitted)\s+(?:the\s+)?$", re.IGNORECASE)
# a capitalised word joined to the mention right before it: "Syrian and Russian warplanes"
_DEMONYM_AND = re.compile(r"\b([A-Z][\w.]*)\s*(?:,|and|or|&)\s*$")


@dataclass(frozen=True)
class Associate:
    """An actor named beside a side's mention: its canonical name, its country where the words
    give one (a demonym), the words naming it, and the mention when it is one."""

    actor: str
    country: str | None
    start: int
    end: int
    text: str
    mention: ActorMention | None = None


@dataclass(frozen=True)
class AssociateWords:
    link: re.Pattern[str]  # fullmatch: the text between two mentions of one side
    comma: re.Pattern[str]  # fullmatch: a list's comma ("IS, Nusra and ...")


def _gap(head: str, fillers: Iterable[str]) -> str:
    fill = "|".join(sorted((re.escape(f) for f in fillers), key=len, reverse=True))
    filler = rf"(?:(?:{fill}|\d[\d,.]*)\s+)" if fill else r"(?:\d[\d,.]*\s+)"
    return rf"\s*{head}\s*{filler}{{0,3}}"


@functools.lru_cache(maxsize=8)
def load_associate_words(data_dirs: tuple[str, ...] = ()) -> AssociateWords:
    data = load_yaml("roles.yaml", data_dirs) or {}
    links = sorted((re.escape(str(w)) for w in data.get("associate_links") or []), key=len, reverse=True)
    fillers = [str(w) for w in data.get("associate_fillers") or []]
    head = rf",?\s*(?:{'|'.join(links)})\b" if links else r"(?!)"
    return AssociateWords(
        link=re.compile(_gap(head, fillers), re.IGNORECASE),
        comma=re.compile(_gap(",", fillers), re.IGNORECASE),
    )


def _chain(
    anchor: ActorMention, pool: list[ActorMention], text: str, words: AssociateWords
) -> list[ActorMention]:
    """The mentions joined to ``anchor`` by links, both ways; a list's commas count only where
    the list goes on to a linking word ("IS, Nusra and Jund al-Aqsa", not "IS, the group ...")."""
    ordered = sorted(pool, key=lambda a: a.start)
    at = next(i for i, a in enumerate(ordered) if a == anchor)
    out: list[ActorMention] = []
    for step in (1, -1):
        pending: list[ActorMention] = []
        i = at
        while 0 <= i + step < len(ordered):
            left, right = (ordered[i], ordered[i + step]) if step == 1 else (ordered[i + step], ordered[i])
            gap = text[left.end : right.start]
            nxt = ordered[i + step]
            if words.link.fullmatch(gap):
                out += [*pending, nxt]
                pending = []
            elif words.comma.fullmatch(gap):
                pending.append(nxt)
            else:
                break
            i += step
    return out


def associates(
    mention: ActorMention,
    others: Iterable[ActorMention | None],
    doc: Document,
    actors: ActorDictionary,
    words: AssociateWords,
    acting: bool,
) -> list[Associate]:
    """The actors named beside ``mention`` on its side of the event; ``others`` are the event's
    other-side mentions (never associates).  ``acting``: the perpetrator's side, where civilians
    are never associates."""
    text = doc.text
    exclude = [o for o in others if o is not None]
    pool = [
        a
        for a in doc.actors
        if a.sentence_index == mention.sentence_index and not a.territory and a.source != "country"
    ]
    if mention not in pool:
        pool.append(mention)
    chain = _chain(mention, pool, text, words)
    first = min([mention, *chain], key=lambda a: a.start)
    if any(o in chain for o in exclude) or _BETWEEN.search(text, max(0, first.start - 20), first.start):
        # the coordination joins the two sides ("clashes between the army and IS")
        return []
    out: list[Associate] = []
    for a in chain:
        if a.actor == mention.actor and a.country == mention.country:
            continue
        if acting and (a.inter == 7 or (a.inter == 6 and mention.inter not in (5, 6, 7))):
            continue  # civilians never act; protesters only beside a crowd
        out.append(Associate(a.actor, a.country, a.start, a.end, a.text, a))
    m = _DEMONYM_AND.search(text, max(0, first.start - 30), first.start)
    country = actors.demonyms.get(m.group(1)) if m else None
    if m is not None and country and country != mention.country:
        forces = actors.forces_by_country.get(country, "Military forces")
        out.append(Associate(forces, country, m.start(1), m.end(1), m.group(1)))
    return out
