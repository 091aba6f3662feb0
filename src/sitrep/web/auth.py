"""Sessions, CSRF and role checks for the web app.

- Login sets a session cookie signed with itsdangerous (HttpOnly, SameSite=Strict)
  holding the user name and a random CSRF token, plus a readable ``sitrep_csrf``
  cookie with the same token.  The dashboard sends the token back in the
  ``X-CSRF-Token`` header on every write (double-submit); the server compares it
  with the token inside the signed session, so another site can neither read
  nor forge it.
- The user's role is read from the store on every request, so a role change or
  a deleted account takes effect at once, not when the cookie expires.
- The signing secret is ``$SITREP_SECRET`` or a random secret generated once and
  kept in a file next to the SQLite database (``<db>.secret``, mode 0600); for
  PostgreSQL or an in-memory store, in ``./var/web.secret``.
"""

from __future__ import annotations

import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from sitrep.errors import AuthError
from sitrep.review import User, get_user
from sitrep.store.core import Store

SESSION_COOKIE = "sitrep_session"
CSRF_COOKIE = "sitrep_csrf"
CSRF_HEADER = "X-CSRF-Token"
SESSION_MAX_AGE = 12 * 3600  # seconds: a working day, then sign in again


@dataclass(frozen=True)
class WebSettings:
    secret: str
    read_requires_login: bool = False
    secure_cookies: bool = False  # set when served over HTTPS (behind a proxy)


def secret_file_for(db_url: str) -> Path:
    """Where the generated secret lives for a store URL."""
    if db_url.startswith("sqlite:///") and db_url != "sqlite:///:memory:":
        return Path(db_url.removeprefix("sqlite:///") + ".secret")
    return Path("var") / "web.secret"


def load_secret(db_url: str, explicit: str | None = None) -> str:
    """The session-signing secret: explicit > $SITREP_SECRET > the generated file (created if absent)."""
    value = explicit or os.environ.get("SITREP_SECRET")
    if value:
        return value
    path = secret_file_for(db_url)
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(48)
    # O_EXCL: two workers starting together must not write different secrets
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(token + "\n")
    return token


class Sessions:
    def __init__(self, settings: WebSettings, store: Store):
        self.settings = settings
        self.store = store
        self.signer = URLSafeTimedSerializer(settings.secret, salt="sitrep-session")

    def start(self, response: Response, user: User) -> str:
        csrf = secrets.token_urlsafe(32)
        token = self.signer.dumps({"u": user.name, "c": csrf})
        common: dict[str, Any] = {"max_age": SESSION_MAX_AGE, "samesite": "strict",
                                  "secure": self.settings.secure_cookies, "path": "/"}
        response.set_cookie(SESSION_COOKIE, token, httponly=True, **common)
        response.set_cookie(CSRF_COOKIE, csrf, httponly=False, **common)
        return csrf

    @staticmethod
    def end(response: Response) -> None:
        response.delete_cookie(SESSION_COOKIE, path="/")
        response.delete_cookie(CSRF_COOKIE, path="/")

    def session(self, request: Request) -> dict[str, str] | None:
        raw = request.cookies.get(SESSION_COOKIE)
        if not raw:
            return None
        try:
            data = self.signer.loads(raw, max_age=SESSION_MAX_AGE)
        except BadSignature:
            return None
        return data if isinstance(data, dict) and "u" in data and "c" in data else None

    def user(self, request: Request) -> tuple[User | None, str | None]:
        """(user, csrf token) of the request's session; (None, None) when anonymous or stale."""
        if hasattr(request.state, "user"):
            return request.state.user, request.state.csrf
        sess = self.session(request)
        user: User | None = None
        if sess:
            try:
                user = get_user(self.store, sess["u"])
            except AuthError:  # the account was deleted since the cookie was issued
                user = None
        request.state.user = user
        request.state.csrf = sess["c"] if sess and user else None
        return user, request.state.csrf

    def check_read(self, request: Request) -> User | None:
        user, _ = self.user(request)
        if user is None and self.settings.read_requires_login:
            raise AuthError("sign in to read", hint="POST /api/v1/auth/login or open /login")
        return user

    def check_write(self, request: Request) -> User:
        """The signed-in reviewer/admin making a write with a valid CSRF token, else AuthError."""
        user, csrf = self.user(request)
        if user is None:
            raise AuthError("sign in as a reviewer to make changes", hint="open /login")
        sent = request.headers.get(CSRF_HEADER, "")
        if not csrf or not sent or not hmac.compare_digest(sent, csrf):
            raise AuthError("missing or wrong CSRF token", item=user.name,
                            hint=f"send the {CSRF_COOKIE} cookie's value in the {CSRF_HEADER} header")
        if not user.can_write:
            raise AuthError(f"role {user.role!r} is read-only", item=user.name)
        return user
