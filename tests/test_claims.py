"""Claims on whole articles (needs the spaCy model): the seeds and wire-style texts of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.options import Options
from sitrep.records import Article, Claim

pytestmark = pytest.mark.model

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"


def _claims(text: str, article_id: str = "t") -> list[Claim]:
    from sitrep.extract.claims import extract_claims
    from sitrep.nlp import get_nlp

    doc = get_nlp(Options()).analyze(Article(id=article_id, text=text))
    return extract_claims(doc, Options())


def _norm(s: str | None) -> str:
    s = (s or "").strip()
    return s[4:] if s.lower().startswith("the ") else s


def _by_cue(claims: list[Claim], text: str, needle: str) -> Claim:
    """The claim whose quoted text contains ``needle``."""
    found = [c for c in claims if needle in c.quote]
    assert found, f"no claim quoting {needle!r}: {[c.quote for c in claims]}"
    return found[0]


def _spans_ok(claim: Claim, text: str) -> None:
    assert text[claim.cue_start : claim.cue_end] == claim.cue
    assert text[claim.speaker_start : claim.speaker_end] == claim.speaker
    if claim.affiliation:
        assert text[claim.affiliation_start : claim.affiliation_end] == claim.affiliation
    for s, e in claim.quote_spans:
        assert claim.start <= s < e <= claim.end


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds not present")
    return next(SEEDS.glob(prefix + "*.txt")).read_text(encoding="utf-8")


def test_seed_000_speakers_and_coreference() -> None:
    text = _seed("000")
    claims = _claims(text, "000")
    for c in claims:
        _spans_ok(c, text)
    bali = _by_cue(claims, text, "rooting out groups of militants")
    assert bali.speaker == "Mustafa Bali" and bali.kind == "indirect"
    assert bali.affiliation == "a spokesman for the Kurdish-led Syrian Democratic Forces"
    later = _by_cue(claims, text, "tracking down remnants")
    assert later.speaker == "Mustafa Bali" and later.speaker_mention == "Bali" and later.kind == "direct"
    # the stand-alone quote after it is his too, one claim with two spans
    assert any("There are groups hiding in caves" in text[s:e] for s, e in later.quote_spans)
    assert len(later.quote_spans) == 2

    for needle in ("still conducting airstrikes", "senior IS commanders", "more than a dozen",
                   "nine suspected jihadists", "Strikes hit caves"):
        assert _by_cue(claims, text, needle).speaker == "Syrian Observatory for Human Rights", needle
    assert _by_cue(claims, text, "senior IS commanders").cue == "added"

    raw = _by_cue(claims, text, "continues to deny Daesh")
    assert raw.speaker == "Scott Rawlinson" and raw.affiliation == "coalition spokesman"
    assert raw.cue == "told AFP" and raw.kind == "direct"
    he = _by_cue(claims, text, "precision strike support")
    assert he.speaker == "Scott Rawlinson" and he.speaker_mention == "he"
    official = _by_cue(claims, text, "now focusing on")
    assert official.speaker == "Scott Rawlinson" and official.speaker_mention == "The official"

    assert _norm(_by_cue(claims, text, "supporting sweeping operations").speaker) == "US-led coalition"
    sdf = _by_cue(claims, text, "a new phase has begun")
    assert sdf.speaker == "SDF" and sdf.cue == "warned"
    # nothing from "what it said was the last pocket" (a free relative, not a statement)
    assert not any("last pocket" in c.quote for c in claims)
    assert len({c.claim_id for c in claims}) == len(claims)


def test_seed_004_votel_and_others() -> None:
    text = _seed("004")
    claims = _claims(text, "004")
    for c in claims:
        _spans_ok(c, text)
    votel = [c for c in claims if c.speaker == "General Joseph Votel"]
    assert len(votel) >= 6
    assert all(c.affiliation == "head of the American Central Command" for c in votel)
    congress = _by_cue(claims, text, "monumental military accomplishment")
    assert congress.speaker == "General Joseph Votel" and congress.cue == "told Congress"
    assert congress.kind == "direct" and congress.speaker_mention == "he"
    he_said = _by_cue(claims, text, "largely remains unrepentant")
    assert he_said.speaker == "General Joseph Votel"
    assert any("vigilant offensive" in text[s:e] for s, e in he_said.quote_spans)
    assert _by_cue(claims, text, "remains prepared for a resurgence").speaker == "General Joseph Votel"
    # "the US general" is not a speaker of its own
    assert not any(_norm(c.speaker).lower() in ("us general", "leading us general") for c in claims)
    off = _by_cue(claims, text, "SDF was not advancing")
    assert off.speaker == "an official" and off.cue == "told AFP"
    wh = _by_cue(claims, text, "peace-keeping")
    assert _norm(wh.speaker) == "White House"


WIRE_1 = (
    "Rebel shelling killed three civilians in the Yemeni city of Taiz on Friday, according to the "
    "provincial health office.\n"
    "“The shells fell on the market while it was full of people,” said Nabil Hassan, a doctor at "
    "al-Thawra hospital. “We ran out of blood before noon.”\n"
    "Brigadier General Yahya Sarea, a spokesman for the Houthi forces, told Reuters by phone that "
    "his fighters had only targeted military positions.\n"
    "“We do not shell markets,” Sarea said, “and we never have.”\n"
    "The United Nations envoy said in a statement that both sides must respect the truce agreed in "
    "Stockholm.\n"
)


def test_wire_cue_shapes() -> None:
    claims = _claims(WIRE_1)
    for c in claims:
        _spans_ok(c, WIRE_1)
    acc = _by_cue(claims, WIRE_1, "Rebel shelling killed three civilians")
    assert acc.cue == "according to" and _norm(acc.speaker) == "provincial health office"
    doc = _by_cue(claims, WIRE_1, "fell on the market")
    assert doc.speaker == "Nabil Hassan" and doc.kind == "direct"
    assert doc.affiliation and doc.affiliation.startswith("a doctor at")
    assert any("ran out of blood" in WIRE_1[s:e] for s, e in doc.quote_spans)
    phone = _by_cue(claims, WIRE_1, "only targeted military positions")
    assert phone.cue == "told Reuters by phone" and phone.speaker == "Brigadier General Yahya Sarea"
    assert phone.affiliation == "a spokesman for the Houthi forces"
    split = _by_cue(claims, WIRE_1, "We do not shell markets")
    assert split.speaker == "Brigadier General Yahya Sarea" and split.speaker_mention == "Sarea"
    assert [WIRE_1[s:e] for s, e in split.quote_spans] == ["We do not shell markets", "and we never have."]
    un = _by_cue(claims, WIRE_1, "respect the truce")
    assert un.cue == "said in a statement" and "envoy" in un.speaker


WIRE_2 = (
    "MOGADISHU (AP) — Al-Shabab fighters stormed a military base near Kismayo on Sunday, killing at "
    "least eight soldiers, officials said.\n"
    "The Somali National News Agency reported that the attackers were repelled after a two-hour battle. "
    "It said 20 militants were killed.\n"
    "Local elders said residents told them that the fighters had taken two trucks.\n"
    '"The situation is calm now. Our forces control the base," Colonel Ahmed Farah told The Associated '
    "Press.\n"
    "A spokesman for the militants said the group had captured weapons, a claim the army denied.\n"
)


def test_wire_pronoun_nested_and_multi_sentence_quote() -> None:
    claims = _claims(WIRE_2)
    for c in claims:
        _spans_ok(c, WIRE_2)
    lead = _by_cue(claims, WIRE_2, "stormed a military base")
    assert lead.speaker == "officials" and not lead.quote.startswith("MOGADISHU")
    it = _by_cue(claims, WIRE_2, "20 militants were killed")
    assert _norm(it.speaker) == "Somali National News Agency" and it.speaker_mention == "It"
    outer = _by_cue(claims, WIRE_2, "residents told them")
    assert outer.speaker == "Local elders"
    inner = _by_cue(claims, WIRE_2, "had taken two trucks")
    assert inner.speaker == "residents" or inner is outer
    assert any(c.speaker == "residents" for c in claims)
    farah = _by_cue(claims, WIRE_2, "The situation is calm now. Our forces control the base")
    assert farah.speaker == "Colonel Ahmed Farah" and farah.cue == "told The Associated Press"
    assert farah.kind == "direct" and len(farah.sentence_indexes) >= 1
    spokes = _by_cue(claims, WIRE_2, "captured weapons")
    assert spokes.speaker.lower().startswith("a spokesman for the militants")
    # "a claim the army denied": the army denied the claim, it did not state the sentence
    assert not any(c.speaker.lower() == "the army" for c in claims)


def test_coordinated_reports_are_cut_apart() -> None:
    text = (
        "State television said the jet crashed because of a technical fault, while the rebel "
        "group Jaish al-Islam said its fighters had shot the plane down."
    )
    claims = _claims(text)
    tv = _by_cue(claims, text, "technical fault")
    assert "Jaish" not in tv.quote and "shot" not in tv.quote
    rebels = _by_cue(claims, text, "shot the plane down")
    assert "rebel group" in rebels.speaker or "Jaish" in rebels.speaker


def test_negated_and_nominal_cues_are_not_claims() -> None:
    text = (
        "The ministry did not say how many people died. Government forces declared victory in Deraa "
        "on Monday. The rebels announced a ceasefire."
    )
    assert _claims(text) == []


def test_only_cue_sentences_are_parsed() -> None:
    from sitrep.extract.claims import extract_claims
    from sitrep.nlp import get_nlp

    text = (
        "Airstrikes hit the town of Saraqeb on Monday. Smoke rose over the market. "
        "The civil defence said five people were killed. Ambulances arrived later."
    )
    doc = get_nlp(Options()).analyze(Article(id="p", text=text))
    parsed: list[str] = []
    inner = doc.parser
    assert inner is not None

    def counting(t: str):  # type: ignore[no-untyped-def]
        parsed.append(t)
        return inner(t)

    doc.parser = counting
    span_inner = doc.span_parser

    def counting_span(start: int, end: int):  # type: ignore[no-untyped-def]
        parsed.append(doc.text[start:end])
        return span_inner(start, end) if span_inner else None

    doc.span_parser = counting_span
    claims = extract_claims(doc, Options())
    assert len(claims) == 1 and parsed == ["The civil defence said five people were killed."]


def test_component_registered_and_fills_doc() -> None:
    import sitrep.extract.claims  # noqa: F401  (registers the component)
    from sitrep.nlp import get_nlp
    from sitrep.registry import get

    comp = get("claims")
    assert comp.requires == ("sentences", "mentions") and comp.assigns == ("claims",)
    doc = get_nlp(Options()).analyze(Article(id="c", text="The army said it had retaken the village."))
    comp.fn(doc, Options())
    assert len(doc.claims) == 1 and doc.claims[0].speaker_actor is None
