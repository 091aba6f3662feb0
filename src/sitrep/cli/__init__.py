"""The `sitrep` command line: a thin face over library functions.

Each command group lives in its own module with ``register(app)``; a command
parses its arguments, calls one library function, and formats the result.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="sitrep",
    help="Conflict news -> sourced, geocoded, dated ACLED-style event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# modules under sitrep.cli, each with register(app)
COMMAND_MODULES = [
    "core",
    "web_cmd",
    "eval_cmd",
]

for _name in COMMAND_MODULES:
    importlib.import_module(f"sitrep.cli.{_name}").register(app)


def main() -> None:
    app()
