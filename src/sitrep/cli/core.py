"""Core commands: ingest, articles, show, export, stats, events, claims.

Each command parses its options, calls one library function, and formats.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from sitrep.errors import SitrepError
from sitrep.options import Options, build_options
from sitrep.store.core import EventFilter, Store

console = Console()
err = Console(stderr=True)

DbOpt = typer.Option(
    None, "--db", help="SQLite path or postgresql:// URL (default ./sitrep.db or $SITREP_DB)"
)
ConfigOpt = typer.Option(None, "--config", help="TOML config file (see docs/USAGE.md)")


def _options(db: str | None, config: Path | None = None, **kw: Any) -> Options:
    try:
        return build_options(config, db=db, **kw)
    except SitrepError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


def _store(opts: Options) -> Store:
    try:
        return Store(opts.db)
    except SitrepError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


def _date(v: str | None, name: str) -> dt.date | None:
    if not v:
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        err.print(f"[red]error:[/] --{name} {v!r} is not a date (use YYYY-MM-DD)")
        raise typer.Exit(2) from None


def event_filter(
    date_from: str | None = None,
    date_to: str | None = None,
    event_type: str | None = None,
    sub_event_type: str | None = None,
    actor: str | None = None,
    location: str | None = None,
    country: str | None = None,
    q: str | None = None,
    reviewed: bool | None = None,
    article: str | None = None,
) -> EventFilter:
    return EventFilter(
        date_from=_date(date_from, "from"),
        date_to=_date(date_to, "to"),
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor=actor,
        location=location,
        country=country,
        q=q,
        reviewed=reviewed,
        article_id=article,
    )


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        paths: list[str] = typer.Argument(..., help="files, directories (recursive) or - for stdin"),
        db: str | None = DbOpt,
        config: Path | None = ConfigOpt,
        force: bool = typer.Option(False, "--force", help="re-process articles already stored"),
        model: str | None = typer.Option(None, help="spaCy model: sm (default), md, or a package/path"),
        n_process: int | None = typer.Option(None, "--n-process", help="spaCy worker processes"),
        batch_size: int | None = typer.Option(None, "--batch-size"),
        max_bytes: int | None = typer.Option(None, "--max-bytes", help="refuse larger input items"),
        on_error: str | None = typer.Option(None, "--on-error", help="continue (default) or stop"),
        no_merge: bool = typer.Option(False, "--no-merge", help="skip merging events across articles"),
        quiet: bool = typer.Option(False, "-q", "--quiet", help="only errors and the summary"),
        year_hint: int | None = typer.Option(
            None, "--year-hint", help="year of year-less datelines ('BEIRUT, March 4') if the input has none"
        ),
    ) -> None:
        """Ingest articles (text, HTML, RSS/Atom, JSONL, .gz) into the store and extract events."""
        from sitrep.pipeline import ItemResult
        from sitrep.pipeline import ingest as run

        opts = _options(
            db,
            config,
            force=force or None,
            model=model,
            n_process=n_process,
            batch_size=batch_size,
            max_bytes=max_bytes,
            on_error=on_error,
            merge=False if no_merge else None,
            year_hint=year_hint,
        )
        store = _store(opts)
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        show_bar = sys.stderr.isatty() and not quiet
        progress: Any = (
            Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed} items"),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            )
            if show_bar
            else nullcontext()
        )
        with progress as bar:
            task = bar.add_task("ingesting", total=None) if show_bar else None

            def on_item(r: ItemResult) -> None:
                if bar is not None and task is not None:
                    bar.advance(task)
                if r.status == "failed":
                    err.print(f"[red]error[/] {r.item}: {r.message.removeprefix(r.item + ': ')}")
                elif quiet:
                    return
                elif r.status == "stored":
                    console.print(
                        f"[green]stored[/]    {r.article_id}  ({r.events} events, {r.claims} claims)"
                    )
                elif r.status == "duplicate":
                    console.print(f"[yellow]duplicate[/] {r.article_id}: {r.message}")
                elif r.status == "not_english":
                    console.print(f"[yellow]not processed[/] {r.article_id}: {r.message}")
                else:
                    console.print(f"[dim]skipped[/]   {r.item}: {r.message}")

            try:
                summary = run(paths, opts, store, on_item=on_item, stdin=sys.stdin.buffer)
            except SitrepError as exc:
                err.print(f"[red]error:[/] {exc}")
                raise typer.Exit(1) from exc
        console.print(
            f"[bold]{summary.stored} stored[/], {summary.duplicates} skipped as duplicates, "
            f"{summary.not_english} not English (stored, not processed), {summary.skipped} skipped, "
            f"[{'red' if summary.failed else 'bold'}]{summary.failed} failed[/]; {summary.events} events, "
            f"{summary.claims} claims; {summary.merged_events} merged events updated "
            f"({summary.seconds:.1f}s)"
        )
        if summary.stored == 0 and summary.duplicates and not summary.failed:
            console.print("nothing new stored (already ingested; use --force to re-process)")
        raise typer.Exit(0 if summary.ok else 1)

    @app.command()
    def articles(
        db: str | None = DbOpt,
        limit: int = typer.Option(50),
        offset: int = typer.Option(0),
        q: str | None = typer.Option(None, help="search title/id"),
        as_json: bool = typer.Option(False, "--json"),
    ) -> None:
        """List stored articles."""
        store = _store(_options(db))
        rows, total = store.list_articles(limit=limit, offset=offset, q=q)
        if as_json:
            console.print_json(json.dumps(rows, default=str))
            return
        t = Table(title=f"{total} articles")
        for c in ("id", "date", "source", "status", "title"):
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(r["id"], str(r["date"] or "—"), r["source"] or "", r["status"], (r["title"] or "")[:70])
        console.print(t)

    @app.command()
    def show(
        article_id: str,
        db: str | None = DbOpt,
        kinds: str = typer.Option("entity,time,place,actor", help="mention kinds to list"),
        as_json: bool = typer.Option(False, "--json"),
    ) -> None:
        """Show an article with its sentences and mentions, spans highlighted."""
        store = _store(_options(db))
        try:
            art = store.get_article(article_id)
        except SitrepError as exc:
            err.print(f"[red]error:[/] {exc}")
            raise typer.Exit(1) from exc
        if as_json:
            console.print_json(json.dumps(art, default=str))
            return
        console.print(render_article(art, set(kinds.split(","))))

    @app.command()
    def export(
        what: str = typer.Option("events", "--what", help="events | articles | mentions | claims"),
        fmt: str = typer.Option("csv", "--format", help="csv | jsonl (| geojson for events)"),
        output: Path | None = typer.Option(None, "-o", "--output", help="file (default stdout)"),
        db: str | None = DbOpt,
        reviewed_only: bool = typer.Option(False, "--reviewed-only", help="only reviewed events"),
        kind: str | None = typer.Option(None, help="mentions: only this kind"),
    ) -> None:
        """Export events (ACLED-column CSV, GeoJSON, JSONL), articles, mentions or claims."""
        from sitrep import export as ex

        store = _store(_options(db))
        out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            if what == "events":
                ex.write_events(store, fmt, out, include_unreviewed=not reviewed_only)
            elif what == "articles":
                ex.write_articles(store, fmt, out)
            elif what == "mentions":
                ex.write_mentions(store, fmt, out, kind=kind)
            elif what == "claims":
                ex.write_claims(store, fmt, out)
            else:
                err.print(f"[red]error:[/] --what {what!r}: use events, articles, mentions or claims")
                raise typer.Exit(2)
        except SitrepError as exc:
            err.print(f"[red]error:[/] {exc}")
            raise typer.Exit(2) from exc
        finally:
            if output:
                out.close()
        if output:
            err.print(f"wrote {output}")

    @app.command()
    def stats(db: str | None = DbOpt, as_json: bool = typer.Option(False, "--json")) -> None:
        """Counts of what is stored."""
        st = _store(_options(db)).stats()
        if as_json:
            console.print_json(json.dumps(st))
            return
        t = Table(title="sitrep store", show_header=False)
        for k, v in st.items():
            t.add_row(k, json.dumps(v) if isinstance(v, dict) else str(v))
        console.print(t)

    @app.command()
    def events(
        db: str | None = DbOpt,
        date_from: str | None = typer.Option(None, "--from", help="YYYY-MM-DD"),
        date_to: str | None = typer.Option(None, "--to", help="YYYY-MM-DD"),
        event_type: str | None = typer.Option(None, "--type"),
        sub_event_type: str | None = typer.Option(None, "--sub-type"),
        actor: str | None = typer.Option(None),
        location: str | None = typer.Option(None),
        country: str | None = typer.Option(None),
        q: str | None = typer.Option(None, help="text search"),
        article: str | None = typer.Option(None, help="events from this article"),
        limit: int = typer.Option(50),
        show_id: str | None = typer.Option(
            None, "--show", help="show one event in full, with its merge explanation"
        ),
        as_json: bool = typer.Option(False, "--json"),
    ) -> None:
        """List merged events with filters, or --show ID: one event with provenance and merge explanation."""
        store = _store(_options(db))
        if show_id:
            try:
                ev = store.get_event(show_id)
            except SitrepError as exc:
                err.print(f"[red]error:[/] {exc}")
                raise typer.Exit(1) from exc
            if as_json:
                console.print_json(json.dumps(ev, default=str))
            else:
                console.print(render_event(ev))
            return
        flt = event_filter(
            date_from, date_to, event_type, sub_event_type, actor, location, country, q, article=article
        )
        rows, total = store.list_events(flt, limit=limit)
        if as_json:
            console.print_json(json.dumps(rows, default=str))
            return
        t = Table(title=f"{total} events" + (f" (showing {len(rows)})" if total > len(rows) else ""))
        for c in ("id", "date", "type", "actor1", "actor2", "location", "fat.", "src"):
            t.add_column(c, overflow="fold")
        for r in rows:
            date = r.get("event_date") or f"({r.get('relative_date') or 'undated'})"
            if r.get("event_date_end") and r.get("event_date_end") != r.get("event_date"):
                date = f"{date}..{r['event_date_end']}"
            loc = ", ".join(x for x in (r.get("location"), r.get("admin1")) if x)
            fat = "" if r.get("fatalities") is None else str(r["fatalities"])
            if "fatalities" in (r.get("conflicts") or {}):
                fat += "*"
            t.add_row(
                r["event_id"],
                str(date),
                r.get("sub_event_type") or r.get("event_type") or "",
                r.get("actor1") or "",
                r.get("actor2") or "",
                loc,
                fat,
                str(r.get("n_sources", 1)),
            )
        console.print(t)
        if any("fatalities" in (r.get("conflicts") or {}) for r in rows):
            console.print("[dim]* sources disagree on fatalities: see --show ID[/]")

    @app.command()
    def claims(
        db: str | None = DbOpt,
        speaker: str | None = typer.Option(None),
        actor: str | None = typer.Option(None),
        article: str | None = typer.Option(None),
        limit: int = typer.Option(50),
        as_json: bool = typer.Option(False, "--json"),
    ) -> None:
        """List claims and quotes (who said what), with filters."""
        store = _store(_options(db))
        rows, total = store.list_claims(speaker=speaker, actor=actor, article_id=article, limit=limit)
        if as_json:
            console.print_json(json.dumps(rows, default=str))
            return
        t = Table(title=f"{total} claims")
        for c in ("speaker", "affiliation", "cue", "kind", "quote", "article"):
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(
                r.get("speaker") or "",
                r.get("affiliation") or "",
                r.get("cue") or "",
                r.get("kind") or "",
                (r.get("quote") or "")[:120],
                r.get("article_id") or "",
            )
        console.print(t)

    @app.command()
    def report(
        db: str | None = DbOpt,
        date_from: str | None = typer.Option(None, "--from", help="YYYY-MM-DD"),
        date_to: str | None = typer.Option(None, "--to", help="YYYY-MM-DD"),
        country: str | None = typer.Option(None),
        event_type: str | None = typer.Option(None, "--type"),
        title: str | None = typer.Option(None),
        output: Path | None = typer.Option(None, "-o", "--output", help="Markdown file (default stdout)"),
    ) -> None:
        """Generate a situation report (Markdown) with numbered citations to the source articles."""
        from sitrep.report import build_report

        store = _store(_options(db))
        md = build_report(store, event_filter(date_from, date_to, event_type, country=country), title=title)
        if output:
            output.write_text(md, encoding="utf-8")
            err.print(f"wrote {output}")
        else:
            console.print(md, markup=False, highlight=False)


STYLES = {"entity": "underline", "time": "bold magenta", "place": "bold green", "actor": "bold cyan"}


def render_article(art: dict[str, Any], kinds: set[str]) -> Table:
    """The article's sentences with mention spans highlighted, then a mention table."""
    text = art["text"]
    out = Table(show_header=False, box=None, padding=(0, 1))
    out.add_row(Text(f"{art['id']}  {art.get('title') or ''}", style="bold"))
    out.add_row(
        Text(
            f"date: {art.get('date') or 'none'} ({art.get('date_source') or 'no date in input'})  "
            f"source: {art.get('source') or '—'}  language: {art.get('language') or '?'}  "
            f"status: {art['status']}",
            style="dim",
        )
    )
    meta = art.get("metadata") or {}
    if meta.get("numeric_date_order_from"):
        out.add_row(Text(f"dateline read {meta.get('numeric_date_order')}: {meta['numeric_date_order_from']}",
                         style="dim"))
    mentions = [m for m in art["mentions"] if m["kind"] in kinds]
    legend = Text("legend: ")
    for k in ("entity", "time", "place", "actor"):
        if k in kinds:
            legend.append(k, style=STYLES[k])
            legend.append(" ")
    out.add_row(legend)
    for s in art["sentences"]:
        t = Text(text[s["start"] : s["end"]])
        for m in mentions:
            if s["start"] <= m["start"] and m["end"] <= s["end"]:
                t.stylize(STYLES.get(m["kind"], "underline"), m["start"] - s["start"], m["end"] - s["start"])
        out.add_row(Text(f"[{s['idx']}]", style="dim"), t)
    mt = Table(title="mentions")
    for c in ("kind", "label", "span", "text", "value"):
        mt.add_column(c, overflow="fold")
    for m in mentions:
        a = m.get("attrs") or {}
        if m["kind"] == "time":
            val = a.get("date_start") or a.get("relative") or ""
            if a.get("date_end") and a.get("date_end") != a.get("date_start"):
                val = f"{val}..{a['date_end']}"
            val = f"{val} p{a.get('precision')} {a.get('tense', '')}".strip()
        elif m["kind"] == "place":
            p = a.get("place") or {}
            val = (
                f"{p.get('name')}, {p.get('admin1') or ''}, {p.get('country') or ''} "
                f"({p.get('latitude')}, {p.get('longitude')}) gp{a.get('geo_precision')}"
                if p
                else "unresolved"
            )
        elif m["kind"] == "actor":
            val = f"inter {a.get('inter')}"
        else:
            val = ""
        mt.add_row(m["kind"], m.get("label") or "", f"{m['start']}-{m['end']}", m["text"], val)
    out.add_row(mt)
    return out


def render_event(ev: dict[str, Any]) -> Table:
    t = Table(title=f"event {ev['event_id']}", show_header=False)
    from sitrep.export.writers import ACLED_COLUMNS

    for k in ["event_date", "event_date_end", "relative_date", *ACLED_COLUMNS[3:]]:
        if k in ev and ev.get(k) not in (None, "", []):
            t.add_row(k, str(ev[k]))
    t.add_row("documents", "; ".join(ev.get("article_ids") or []))
    for f, vals in (ev.get("conflicts") or {}).items():
        t.add_row(
            f"[red]sources disagree: {f}[/]",
            "  |  ".join(f"{v.get('value')} ({v.get('source') or v.get('article_id')})" for v in vals),
        )
    for f, evs in (ev.get("provenance") or {}).items():
        for e in evs[:3]:
            where = (
                f"{e.get('article_id')}[{e.get('start')}:{e.get('end')}]"
                if e.get("start") is not None
                else ""
            )
            t.add_row(f"provenance.{f}", f"{e.get('note') or ''} {where} {e.get('text', '')[:100]}".strip())
    for m in ev.get("members", []):
        expl = m.get("explanation") or {}
        if isinstance(expl, dict) and expl:
            feats = ", ".join(f"{k}={v}" for k, v in (expl.get("features") or {}).items())
            t.add_row(
                f"merge {m['report_id']}", f"{expl.get('decision', '')} score={expl.get('score')} {feats}"
            )
        else:
            t.add_row(f"member {m['report_id']}", f"from {m['article_id']} (founding report)")
    for a in ev.get("audit", []):
        t.add_row(
            f"audit {a['at']}",
            f"{a['user']} {a['action']} {a.get('field') or ''}: "
            f"{a.get('old')} -> {a.get('new')} ({a.get('reason') or ''})",
        )
    return t
