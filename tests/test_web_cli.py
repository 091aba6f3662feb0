"""`sitrep user add/list` and the serve command's read policy."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sitrep import review
from sitrep.cli import app
from sitrep.cli.web_cmd import is_loopback
from sitrep.store.core import Store


def test_user_add_and_list(tmp_path: Path) -> None:
    review.BCRYPT_ROUNDS = 4
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    r = runner.invoke(app, ["user", "add", "nadia", "--role", "viewer", "--password-stdin", "--db", db],
                      input="long enough pw\n")
    assert r.exit_code == 0, r.output
    assert review.authenticate(Store(db), "nadia", "long enough pw").role == "viewer"
    r = runner.invoke(app, ["user", "add", "omar", "--db", db], input="another passw\nanother passw\n")
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["user", "add", "omar", "--password-stdin", "--db", db], input="whatever123\n")
    assert r.exit_code == 2 and "already exists" in r.output
    r = runner.invoke(app, ["user", "add", "pat", "--role", "boss", "--password-stdin", "--db", db],
                      input="whatever123\n")
    assert r.exit_code == 2 and "unknown role" in r.output
    r = runner.invoke(app, ["user", "list", "--db", db])
    assert r.exit_code == 0 and "nadia" in r.output and "reviewer" in r.output and "pat" not in r.output


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.org")
