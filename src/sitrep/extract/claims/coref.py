"""Speaker coreference across an article: which mentions name the same speaker.

Mentions are taken in text order and each joins a speaker *cluster*:

- a name joins the latest cluster it matches: same name, same surname ("Bali"
  -> "Mustafa Bali"), a subset of its words ("The Observatory" -> "Syrian
  Observatory for Human Rights") or its acronym ("SDF"); a lone surname with no
  earlier speaker takes its full name from an earlier PERSON entity;
- a pronoun refers to the subject of the clause it hangs from ("Trump ...
  when he announced"), else to an entity opening the sentence before if that is
  more recent than any speaker, else to the latest compatible speaker (he/she:
  person, it: body, they: plural or body), else to the nearest compatible
  entity in the last two sentences;
- a definite description ("the official", "the US general", "the coalition")
  joins the latest cluster whose name, honorific or title has its head word, or,
  for generic heads ("the official"), the latest speaker with a role; an
  indefinite one ("an official") starts a new speaker;
- a description that found no antecedent joins a named person introduced
  within the next two sentences with the same title word (news ledes name the
  speaker late: "A leading US general warned ... General Joseph Votel said").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.extract.claims.lexicon import CueLexicon
from sitrep.extract.claims.speakers import SpeakerMention, mention_from_entity
from sitrep.records import Mention

_FORM_RANK = {"name": 0, "description": 1, "pronoun": 2}
CATAPHORA_SENTENCES = 2
PRONOUN_ENTITY_SENTENCES = 2


@dataclass
class Cluster:
    id: int
    mentions: list[SpeakerMention] = field(default_factory=list)
    open_to_cataphora: bool = False

    @property
    def kind(self) -> str:
        kinds = [m.kind for m in self.mentions if m.form != "pronoun" and m.kind != "unknown"]
        if kinds:
            return kinds[0]
        kinds = [m.kind for m in self.mentions if m.kind != "unknown"]
        return kinds[0] if kinds else "unknown"

    @property
    def best(self) -> SpeakerMention:
        # a name over a description over a pronoun; then the fullest ("a medical source at the
        # hospital" over "the source", "General Joseph Votel" over "Votel"); then the first
        def rank(m: SpeakerMention) -> tuple[int, int, int]:
            return (_FORM_RANK[m.form], -len(m.text.split()), m.start)

        return min(self.mentions, key=rank)

    @property
    def words(self) -> frozenset[str]:
        out: set[str] = set()
        for m in self.mentions:
            if m.form != "pronoun":
                out |= m.words | m.honorifics | m.affiliation_words
        return frozenset(out)

    @property
    def names(self) -> list[SpeakerMention]:
        return [m for m in self.mentions if m.form == "name"]

    @property
    def role(self) -> bool:
        return any(m.role for m in self.mentions)

    @property
    def affiliation(self) -> tuple[int, int] | None:
        affs = [m.affiliation for m in sorted(self.mentions, key=lambda m: m.start) if m.affiliation]
        return affs[0] if affs else None

    def last_before(self, offset: int) -> int:
        return max((m.start for m in self.mentions if m.start < offset), default=-1)


def _acronym(text: str) -> str:
    return "".join(w[0] for w in text.replace("-", " ").split() if w[:1].isupper())


def _compatible(pronoun_kind: str, kind: str) -> bool:
    if kind == "unknown":
        return True
    if pronoun_kind == "plural":
        return kind in ("plural", "org")
    return pronoun_kind == kind


def _name_match(m: SpeakerMention, c: Cluster) -> bool:
    if c.kind not in (m.kind, "unknown") and m.kind != "unknown":
        return False
    for n in c.names:
        if n.text.lower() == m.text.lower():
            return True
        if m.kind in ("person", "unknown") and n.kind in ("person", "unknown"):
            mine = [w for w in m.text.lower().split() if w not in m.honorifics]
            theirs = [w for w in n.text.lower().split() if w not in n.honorifics]
            if mine and theirs and mine[-1] == theirs[-1] and set(mine) <= set(theirs):
                return True
        if m.kind != "person" and m.words and m.words <= n.words and len(m.words) < len(n.words):
            return True
        if m.text.isupper() and len(m.text) > 1 and m.text.replace(".", "") == _acronym(n.text):
            return True
        if n.text.isupper() and len(n.text) > 1 and n.text.replace(".", "") == _acronym(m.text):
            return True
    return False


def _description_match(m: SpeakerMention, c: Cluster, lex: CueLexicon) -> bool:
    plural_body = m.kind == "plural" and c.kind == "org"
    if m.kind != "unknown" and c.kind not in (m.kind, "unknown") and not plural_body:
        return False
    heads = {m.head} | lex.synonyms.get(m.head, frozenset())
    if heads & c.words:
        return True
    if m.head not in lex.generic_person_nouns or c.kind != "person" or not c.role:
        return False
    # "the official" may be any earlier speaker with a role; "the regime military source" only
    # one whose own words say so
    return (m.words - {m.head}) <= c.words


class Resolver:
    """Assigns each speaker mention (in text order) to a cluster."""

    def __init__(
        self, mentions: list[Mention], lex: CueLexicon, sentence_starts: dict[int, int] | None = None
    ):
        self.entities = mentions
        self.sentence_starts = sentence_starts or {}
        self.lex = lex
        self.clusters: list[Cluster] = []
        self.parent: dict[int, int] = {}

    def _new(self, m: SpeakerMention, open_: bool = False) -> Cluster:
        c = Cluster(len(self.clusters), [m], open_)
        self.clusters.append(c)
        self.parent[c.id] = c.id
        return c

    def find(self, c: Cluster) -> Cluster:
        i = c.id
        while self.parent[i] != i:
            i = self.parent[i]
        return self.clusters[i]

    def _live(self) -> list[Cluster]:
        return [c for c in self.clusters if self.parent[c.id] == c.id]

    def _latest(self, m: SpeakerMention, ok: object) -> Cluster | None:
        found = [c for c in self._live() if c.last_before(m.start) >= 0 and ok(c)]  # type: ignore[operator]
        return max(found, key=lambda c: c.last_before(m.start)) if found else None

    def _join(self, c: Cluster, m: SpeakerMention) -> Cluster:
        c.mentions.append(m)
        return c

    def resolve(self, m: SpeakerMention) -> Cluster:
        if m.form == "name":
            return self._resolve_name(m)
        if m.form == "pronoun":
            return self._resolve_pronoun(m)
        return self._resolve_description(m)

    def _resolve_name(self, m: SpeakerMention) -> Cluster:
        c = self._latest(m, lambda c: _name_match(m, c))
        if c is not None:
            return self._join(c, m)
        new = self._new(m)
        if len(m.text.split()) == 1 and m.kind in ("person", "unknown"):
            # a lone surname: take the full name from an earlier PERSON entity
            for e in reversed(self.entities):
                if e.label == "PERSON" and e.end <= m.start and len(e.text.split()) > 1 \
                        and e.text.split()[-1].lower() == m.text.lower():
                    new.mentions.append(mention_from_entity(e, self.lex))
                    break
        return new

    def _resolve_pronoun(self, m: SpeakerMention) -> Cluster:
        if m.local_antecedent is not None and _compatible(m.kind, m.local_antecedent.kind):
            return self._join(self._resolve_name(m.local_antecedent), m)
        # the subject of the sentence before, if it opens with a compatible entity and is more
        # recent than any speaker ("The SOHR relies on sources. It says ..."): cheap, no parse
        labels = {"person": {"PERSON"}, "org": {"ORG", "NORP", "GPE"}, "plural": {"ORG", "NORP"}}[m.kind]
        found = self._latest(m, lambda c: _compatible(m.kind, c.kind))
        last_speaker = found.last_before(m.start) if found else -1
        for e in self.entities:
            if e.label in labels and e.sentence_index == m.sentence_index - 1 and e.start > last_speaker \
                    and e.sentence_index in self.sentence_starts \
                    and e.start - self.sentence_starts[e.sentence_index] <= 4:
                return self._join(self._resolve_name(mention_from_entity(e, self.lex)), m)
        if found is not None:
            return self._join(found, m)
        for e in reversed(self.entities):
            if e.label in labels and e.end <= m.start and m.sentence_index - e.sentence_index <= \
                    PRONOUN_ENTITY_SENTENCES:
                c = self._resolve_name(mention_from_entity(e, self.lex))
                return self._join(c, m)
        return self._new(m)

    def _resolve_description(self, m: SpeakerMention) -> Cluster:
        if m.determiner != "indefinite":
            c = self._latest(m, lambda c: _description_match(m, c, self.lex))
            if c is not None:
                return self._join(c, m)
        return self._new(m, open_=True)

    def cataphora(self) -> None:
        """Merge nameless description clusters into a titled person named just after them."""
        for c in self._live():
            if not c.open_to_cataphora or c.names:
                continue
            first = min(c.mentions, key=lambda m: m.start)
            if first.kind not in ("person", "unknown"):
                continue
            targets = [
                d for d in self._live()
                if d is not c and d.names and d.kind == "person"
                and first.start < min(n.start for n in d.names)
                and min(n.sentence_index for n in d.names) - first.sentence_index <= CATAPHORA_SENTENCES
                and first.head in (d.words | frozenset(h for n in d.names for h in n.honorifics))
            ]
            if targets:
                d = min(targets, key=lambda d: min(n.start for n in d.names))
                d.mentions.extend(c.mentions)
                c.mentions = []
                self.parent[c.id] = d.id
