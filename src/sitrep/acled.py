"""ACLED codebook constants shared by exports, review and the API."""

from __future__ import annotations

# ACLED's column names and order
ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]

# fields a reviewer may correct: the ACLED columns sitrep fills (not the id, year and timestamp it
# derives) and sitrep's own end date
CORRECTABLE = (
    *(c for c in ACLED_COLUMNS if c not in ("event_id_cnty", "year", "timestamp")),
    "event_date_end",
)
