"""All sitrep exceptions.

Messages say what failed, on which item, and how to fix it.  ``item`` is the
input the error is about (a path, ``path:line``, a feed entry, an article id).
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base class: every error sitrep raises on purpose."""

    def __init__(self, message: str, item: str | None = None, hint: str | None = None):
        self.item = item
        self.hint = hint
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        parts = []
        if self.item:
            parts.append(f"{self.item}: ")
        parts.append(self.message)
        if self.hint:
            parts.append(f" ({self.hint})")
        return "".join(parts)


class InputError(SitrepError):
    """An input item cannot be read: binary, empty, too large, undecodable, malformed."""


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class TooLargeError(InputError):
    pass


class DecodeError(InputError):
    pass


class MalformedInputError(InputError):
    """Malformed HTML, feed, JSON line or a missing required field."""


class UnsupportedLanguageError(SitrepError):
    """The article is not in a language sitrep processes (it is stored, not coded)."""


class ConfigError(SitrepError):
    """A bad option, config file, or data file."""


class DataFileError(ConfigError):
    """A domain data file (actors, lexicons, gazetteer additions) is invalid."""


class ModelNotAvailableError(ConfigError):
    """The configured spaCy model is not installed."""


class StoreError(SitrepError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(SitrepError):
    """An article, event, claim or user that does not exist."""


class ReviewError(SitrepError):
    """A review action that is not allowed (bad field, bad value, wrong role)."""


class AuthError(SitrepError):
    """Authentication or authorisation failed."""


class BatchAborted(SitrepError):
    """The batch policy says stop at the first failure (``on_error='stop'``)."""


class ResolveError(SitrepError):
    """Cross-article resolve got inconsistent input (duplicate report ids, a report in two clusters)."""
