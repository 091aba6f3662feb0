"""One input read into memory and decoded, handed to a format parser."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sitrep.ingest.normalize import content_hash
from sitrep.ingest.results import ItemError, ItemSkipped
from sitrep.options import Options
from sitrep.records import Article

STDIN_ITEM = "<stdin>"


@dataclass
class Loaded:
    item: str  # the path as given (or "<stdin>"): error messages and Article.origin use it
    name: str  # the file name ("" for stdin): the id of a single-article file
    data: bytes  # raw bytes (decompressed)
    text: str  # decoded and normalised (NFC, \n line ends)

    def single_id(self) -> str:
        """Id of a single-article input that has no id of its own: the file name.

        Standard input has no name, so its id is derived from the content, which
        keeps it stable when the same text is piped again.
        """
        return self.name or f"stdin-{content_hash(self.text)[:16]}"


Yielded = Article | ItemError | ItemSkipped
# A format parser: the loaded input -> articles, and errors for the parts it could not read.
Parser = Callable[[Loaded, Options], Iterator[Yielded]]
