"""Exports: events (ACLED-column CSV, GeoJSON, JSONL), articles, mentions, claims."""

from sitrep.export.writers import (
    ACLED_COLUMNS,
    CLAIM_COLUMNS,
    SITREP_COLUMNS,
    event_csv_row,
    write_articles,
    write_claims,
    write_events,
    write_mentions,
)

__all__ = [
    "ACLED_COLUMNS",
    "CLAIM_COLUMNS",
    "SITREP_COLUMNS",
    "event_csv_row",
    "write_articles",
    "write_claims",
    "write_events",
    "write_mentions",
]
