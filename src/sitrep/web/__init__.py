"""The web application: HTTP API (/api/v1, OpenAPI at /openapi.json, docs at /docs) and dashboard (/)."""

from sitrep.web.app import create_app

__all__ = ["create_app"]
