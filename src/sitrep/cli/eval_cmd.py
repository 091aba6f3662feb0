"""`sitrep eval GOLD [EXPORT]`: score events (a gold file against an export, or the CASE 2021 /
FA-KES gold sets, which run the pipeline themselves)."""

from __future__ import annotations

import json

import typer
from rich.console import Console

from sitrep.errors import SitrepError

err = Console(stderr=True)


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
        gold: str = typer.Argument(..., help="gold JSONL (docs/EVENTS.md), or 'case2021' / 'fakes'"),
        export: str | None = typer.Argument(None, help="export (JSONL or CSV) to score against GOLD"),
        gold_file: str | None = typer.Option(None, "--gold-file", help="gold file for case2021/fakes"),
        limit: int | None = typer.Option(None, "--limit", help="score only the first N records"),
        offset: int = typer.Option(0, "--offset", help="skip the first N records"),
        details: int = typer.Option(0, "--details", help="also print this many misses/errors"),
    ) -> None:
        """Recall, precision and F1 per event type, field accuracy, misses and false positives."""
        from sitrep.evaluate import events as ev
        from sitrep.options import build_options

        try:
            if gold == "case2021":
                res = ev.evaluate_case2021(
                    gold_file or ev.CASE_GOLD, build_options(progress=False), limit=limit, offset=offset
                )
                extra = res.pop("errors")
            elif gold == "fakes":
                res = ev.evaluate_fakes(
                    gold_file or ev.FAKES_GOLD, build_options(progress=False), limit=limit, offset=offset
                )
                extra = res.pop("rows")
            else:
                if export is None:
                    raise typer.BadParameter("give the export to score", param_hint="EXPORT")
                res = ev.evaluate_events(gold, export)
                extra = res.pop("misses") + res.pop("false_positives")
        except SitrepError as exc:
            err.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2) from exc
        typer.echo(json.dumps(res, indent=2, default=str))
        for row in extra[:details]:
            typer.echo(json.dumps(row, default=str))
