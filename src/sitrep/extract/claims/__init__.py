"""Claims: who said what (speaker, affiliation, cue, direct/indirect, quote spans).

The ``claims`` component fills ``doc.claims`` with :func:`extract_claims`; see
docs/CLAIMS.md.  If the ``actors`` component ran first, ``Claim.speaker_actor``
carries the canonical actor of the speaker (or of the body a spokesperson
speaks for).
"""

from __future__ import annotations

from sitrep.extract.claims.extract import claim_id, extract_claims
from sitrep.extract.claims.lexicon import CueLexicon, build_lexicon, get_lexicon
from sitrep.extract.claims.quotes import QuoteSegment, find_quotes
from sitrep.options import Options
from sitrep.records import Document
from sitrep.registry import component

__all__ = [
    "CueLexicon",
    "QuoteSegment",
    "build_lexicon",
    "claim_id",
    "extract_claims",
    "find_quotes",
    "get_lexicon",
    "run_claims",
]


@component("claims", requires=("sentences", "mentions"), assigns=("claims",))
def run_claims(doc: Document, options: Options) -> None:
    doc.claims = extract_claims(doc, options)
