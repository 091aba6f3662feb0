"""`sitrep serve` (the web app) and `sitrep user add/list` (local accounts)."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from sitrep.errors import SitrepError

console = Console()
err = Console(stderr=True)

DbOpt = typer.Option(None, "--db",
                     help="SQLite path or postgresql:// URL (default ./sitrep.db or $SITREP_DB)")
ConfigOpt = typer.Option(None, "--config", help="TOML config file (see docs/USAGE.md)")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _fail(exc: SitrepError, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/] {exc}")
    return typer.Exit(code)


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: str | None = DbOpt,
        config: Path | None = ConfigOpt,
        host: str = typer.Option("127.0.0.1", help="address to listen on"),
        port: int = typer.Option(8000, help="port to listen on"),
        require_login: bool | None = typer.Option(
            None, "--require-login/--open-read",
            help="require sign-in to read (default: open on loopback, required on any other address)"),
        secure_cookies: bool = typer.Option(False, "--secure-cookies",
                                            help="mark cookies Secure (when served over HTTPS)"),
    ) -> None:
        """Start the dashboard and HTTP API (http://HOST:PORT/, API docs at /docs)."""
        import uvicorn

        from sitrep.options import build_options
        from sitrep.web import create_app

        try:
            opts = build_options(config, db=db)
            read_login = require_login if require_login is not None else not is_loopback(host)
            web = create_app(opts, read_requires_login=read_login, secure_cookies=secure_cookies)
        except SitrepError as exc:
            raise _fail(exc) from exc
        mode = "sign-in required to read" if read_login else "reading open, writes need a reviewer"
        console.print(f"sitrep dashboard on http://{host}:{port}/  ({mode}; API docs /docs)")
        uvicorn.run(web, host=host, port=port, log_level="info")

    user_app = typer.Typer(help="Local accounts for the web app (reviewer, viewer, admin).",
                           no_args_is_help=True)
    app.add_typer(user_app, name="user")

    @user_app.command("add")
    def user_add(
        name: str = typer.Argument(..., help="user name"),
        role: str = typer.Option("reviewer", "--role", help="reviewer | viewer | admin"),
        password_stdin: bool = typer.Option(False, "--password-stdin",
                                            help="read the password from standard input"),
        db: str | None = DbOpt,
        config: Path | None = ConfigOpt,
    ) -> None:
        """Create a user; prompts for the password (twice) unless --password-stdin."""
        from sitrep.options import build_options
        from sitrep.review import add_user
        from sitrep.store.core import Store

        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
        try:
            store = Store(build_options(config, db=db).db)
            user = add_user(store, name, password, role)
        except SitrepError as exc:
            raise _fail(exc) from exc
        console.print(f"added {user.name} ({user.role})")

    @user_app.command("list")
    def user_list(db: str | None = DbOpt, config: Path | None = ConfigOpt) -> None:
        """List users and their roles."""
        from sitrep.options import build_options
        from sitrep.review import list_users
        from sitrep.store.core import Store

        try:
            users = list_users(Store(build_options(config, db=db).db))
        except SitrepError as exc:
            raise _fail(exc) from exc
        table = Table("name", "role", "created")
        for u in users:
            table.add_row(u["name"], u["role"], str(u["created_at"])[:19])
        console.print(table)
