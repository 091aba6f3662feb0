"""Browser tests: Playwright driving Debian's Chromium against `uvicorn` on loopback.

Needs the `chromium` apt package (/usr/bin/chromium or $SITREP_CHROMIUM) and the vendor assets
(`make web`); installs nothing.  Set SITREP_SCREENSHOTS=1 to refresh docs/img/*.png.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.options import Options

from .test_web_support import PASSWORD, SCRIPT, build_store, event_of

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("SITREP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
VENDOR = REPO / "src" / "sitrep" / "web" / "static" / "vendor" / "leaflet" / "leaflet.js"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install chromium)")
    if not VENDOR.exists():
        pytest.skip("web assets not built (make web)")
    pytest.importorskip("playwright")
    import uvicorn

    from sitrep.web import create_app

    db = str(tmp_path_factory.mktemp("browser") / "sitrep.db")
    store = build_store(db)
    app = create_app(Options(db=db), store=store, secret="browser-test-secret")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield {"base": f"http://127.0.0.1:{port}", "store": store}
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    # bypass_csp: waiting on JS predicates needs eval; it also shows escaping does not rely on the CSP
    ctx = browser.new_context(viewport={"width": 1400, "height": 950}, bypass_csp=True)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    # offline: any request that leaves the test server is a failure
    outside: list[str] = []
    pg.on("request", lambda req: outside.append(req.url) if not req.url.startswith(
        ("http://127.0.0.1", "data:", "blob:")) else None)
    pg.errors = errors
    pg.outside = outside
    yield pg
    ctx.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not outside, f"requests outside the app: {outside}"


def _shot(pg: Any, name: str) -> None:
    if os.environ.get("SITREP_SCREENSHOTS"):
        (REPO / "docs" / "img").mkdir(parents=True, exist_ok=True)
        pg.evaluate("window.scrollTo(0, 0)")
        pg.screenshot(path=str(REPO / "docs" / "img" / name), full_page=False)


def _login(pg: Any, base: str, name: str, next_path: str) -> None:
    pg.goto(f"{base}/login?next={next_path}")
    pg.fill("input[name=name]", name)
    pg.fill("input[name=password]", PASSWORD)
    pg.click("#login-form button[type=submit]")
    pg.wait_for_url(f"{base}{next_path}")
    pg.wait_for_selector("body[data-ready=true]")


def test_dashboard_filter_and_open_event(server: dict[str, Any], page: Any) -> None:
    base = server["base"]
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("#events tbody tr").count() == 3
    # the offline base map is drawn (country shapes as SVG/canvas paths) and events are on it
    page.wait_for_function("document.querySelectorAll('.leaflet-overlay-pane canvas, "
                           ".leaflet-overlay-pane path').length > 0")
    page.wait_for_selector(".timeline-svg rect.bar")
    _shot(page, "dashboard.png")
    # filter by type: the URL keeps the filter, the table shows only matching events
    page.select_option("select[name=event_type]", "Battles")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelector('#events').dataset.total === '1'")
    assert "event_type=Battles" in page.url
    assert page.locator("#events tbody tr td").nth(1).inner_text().strip() == "Battles"
    # a shared link restores the view
    page.goto(page.url)
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("#events tbody tr").count() == 1
    assert page.input_value("select[name=event_type]") == "Battles"
    # open the event: the field evidence is highlighted in the article text
    page.click("#events tbody tr td a")
    page.wait_for_url("**/events/**")
    page.wait_for_selector("body[data-ready=true]")
    # both sources' fatality figures (a span may be cut into pieces by mentions inside it)
    spans = page.evaluate("""() => [...document.querySelectorAll('.source-article')].map((a) =>
        [...a.querySelectorAll('mark.ev-field[data-fields~=fatalities]')]
          .map((m) => m.textContent).join(''))""")
    assert sorted(spans) == ["Five soldiers were killed", "killing four soldiers"]
    # the two sources' figures side by side
    assert "4" in page.inner_text("#conflicts") and "5" in page.inner_text("#conflicts")


def test_script_in_article_is_text(server: dict[str, Any], page: Any) -> None:
    eid = event_of(server["store"], "wire-yemen-1")["event_id"]
    page.goto(f"{server['base']}/events/{eid}")
    page.wait_for_selector("body[data-ready=true]")
    assert SCRIPT in page.inner_text(".article-text")
    assert SCRIPT in page.inner_text(".source-article h3")
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".source-article script").count() == 0


def test_reviewer_corrects_and_viewer_is_refused(server: dict[str, Any], page: Any, browser: Any) -> None:
    base = server["base"]
    eid = event_of(server["store"], "wire-mali-1")["event_id"]
    path = f"/events/{eid}"
    _login(page, base, "rita", path)
    assert page.inner_text("#who") == "rita (reviewer)"
    page.click("tr[data-field=fatalities] .edit-btn")
    form = page.locator("form.edit[data-field=fatalities]")
    form.locator("input[name=value]").fill("7")
    form.locator("input[name=reason]").fill("hospital toll published next day")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#audit tr[data-action=correct]")
    row = page.locator("#audit tr[data-action=correct]").first.inner_text()
    assert "rita" in row and "fatalities" in row and "hospital toll" in row
    assert page.inner_text("tr[data-field=fatalities] td.value") == "7"
    assert page.inner_text("#badge-reviewed") == "reviewed"
    # the text the old figure came from stays highlighted after the correction
    assert page.locator("mark.ev-field[data-fields~=fatalities]").count() >= 2
    _shot(page, "event.png")
    # a bad value is refused with the server's message
    page.click("tr[data-field=time_precision] .edit-btn")
    form = page.locator("form.edit[data-field=time_precision]")
    form.locator("input[name=value]").fill("9")
    form.locator("input[name=reason]").fill("typo test")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("form.edit[data-field=time_precision] .form-msg.error")
    assert "between 1 and 3" in form.locator(".form-msg").inner_text()

    ctx = browser.new_context(bypass_csp=True)
    viewer = ctx.new_page()
    _login(viewer, base, "vic", path)
    assert viewer.locator(".edit-btn").count() == 0
    assert "read-only" in viewer.inner_text("#read-only")
    # even a hand-made request with a valid CSRF token is refused server side
    status = viewer.evaluate("""async (id) => {
        const tok = document.cookie.match(/sitrep_csrf=([^;]+)/)[1];
        const r = await fetch(`/api/v1/events/${id}/corrections`, {method: 'POST',
          headers: {'Content-Type': 'application/json', 'X-CSRF-Token': tok},
          body: JSON.stringify({field: 'fatalities', value: 1, reason: 'viewer try'})});
        return r.status; }""", eid)
    assert status == 403
    ctx.close()
    assert server["store"].get_event(eid)["fatalities"] == 7
