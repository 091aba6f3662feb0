"""`sitrep eval GOLD [EXPORT]`: score events (a gold file against an export, or the CASE 2021 /
FA-KES gold sets, which run the pipeline themselves)."""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.console import Console

from sitrep.errors import SitrepError

err = Console(stderr=True)


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
        gold: str = typer.Argument(
            ..., help="gold JSONL (docs/EVENTS.md), or a task: case2021 | fakes | geocoding | dates"
        ),
        export: str | None = typer.Argument(None, help="export (JSONL or CSV) to score against GOLD"),
        gold_file: str | None = typer.Option(None, "--gold-file", help="gold file for case2021/fakes"),
        limit: int | None = typer.Option(None, "--limit", help="score only the first N records"),
        offset: int = typer.Option(0, "--offset", help="skip the first N records"),
        details: int = typer.Option(0, "--details", help="also print this many misses/errors"),
        cause_match: bool = typer.Option(
            False, "--cause-match/--no-cause-match", help="fakes: match gold and events by cause of death too"
        ),
    ) -> None:
        """Recall, precision and F1 per event type, field accuracy, misses and false positives."""
        from sitrep.evaluate import events as ev
        from sitrep.options import build_options

        res: dict[str, Any]
        extra: list[Any] = []
        try:
            if gold == "geocoding":
                from pathlib import Path

                from sitrep.evaluate.geocoding import evaluate_geocoding

                gfiles = (
                    [gold_file]
                    if gold_file
                    else [
                        str(ev.SHARED_EVAL / f"{n}_toponyms.jsonl") for n in ("geowebnews", "lgl", "trnews")
                    ]
                )
                res = {
                    Path(g).name: evaluate_geocoding(Path(g), build_options(progress=False), limit=limit)
                    for g in gfiles
                }
            elif gold == "dates":
                from sitrep.evaluate.dates import evaluate_datelines

                res = evaluate_datelines(gold_file or ev.FAKES_GOLD)
            elif gold == "case2021":
                res = ev.evaluate_case2021(
                    gold_file or ev.CASE_GOLD, build_options(progress=False), limit=limit, offset=offset
                )
                extra = list(res.pop("errors"))
            elif gold == "fakes":
                res = ev.evaluate_fakes(
                    gold_file or ev.FAKES_GOLD,
                    build_options(progress=False),
                    limit=limit,
                    offset=offset,
                    match_cause=cause_match,
                )
                extra = list(res.pop("rows"))
            else:
                if export is None:
                    raise typer.BadParameter("give the export to score", param_hint="EXPORT")
                res = ev.evaluate_events(gold, export)
                extra = list(res.pop("misses")) + list(res.pop("false_positives"))
        except SitrepError as exc:
            err.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2) from exc
        typer.echo(json.dumps(res, indent=2, default=str))
        for row in extra[:details]:
            typer.echo(json.dumps(row, default=str))
