"""The NLP pass: one spaCy pass per article (sentences, entities), parses on demand."""

from sitrep.nlp.spacy_pass import NLP, get_nlp, load_model

__all__ = ["NLP", "get_nlp", "load_model"]
