"""The built site in a real browser (Debian's Chromium driven by Playwright), served from 127.0.0.1 only."""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import LESSONS, ROOT, in_ci

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
FIRST = sorted({ls.stem for ls in LESSONS})[0]


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} not found: `make browser` installs Debian's chromium"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-quic"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A page that records console errors and blocks (and records) any request to another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.console_errors, pg.foreign = [], []
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    local = urlparse(server).netloc

    def route(r):
        url = urlparse(r.request.url)
        if url.scheme in ("http", "https") and url.netloc != local:
            pg.foreign.append(r.request.url)
            return r.abort()
        return r.continue_()

    pg.route("**/*", route)
    yield pg
    assert pg.console_errors == [], f"console errors: {pg.console_errors}"
    assert pg.foreign == [], f"requests to other hosts: {pg.foreign}"
    context.close()


def shot(pg, name):
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / name), full_page=False)


def test_korean_lesson_renders_with_math_and_figures(page, server):
    page.goto(f"{server}/lessons/{FIRST}/", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator("article h1").first.is_visible()
    figure = page.locator("img.course-figure").first
    figure.scroll_into_view_if_needed()
    assert figure.evaluate("img => img.decode().then(() => img.naturalWidth > 0)"), "figure did not load"
    math = page.locator(".math math").first
    math.scroll_into_view_if_needed()
    box = math.bounding_box()
    assert box and box["width"] > 5 and box["height"] > 5, "MathML not laid out"
    cells = page.locator(".jp-CodeCell pre > code").count()
    assert cells and page.locator(".jp-CodeCell [data-clipboard-target]").count() == cells, "code cells without a copy button"
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "lesson-ko.png")


def test_language_switch_lands_on_the_same_lesson(page, server):
    page.goto(f"{server}/lessons/{FIRST}/", wait_until="networkidle")
    page.locator(".md-header .md-select").first.hover()
    page.locator(".md-select__link[lang='en']").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.rstrip("/").endswith(f"/en/lessons/{FIRST}")
    assert page.locator("html").get_attribute("lang") == "en"
    shot(page, "lesson-en.png")


@pytest.mark.parametrize("query,stem", [
    ("신경망", "01_neural_networks"),
    ("신경망을", "01_neural_networks"),
    ("가중치는", "01_neural_networks"),
    ("활성화 함수", "02_activation_functions"),
    ("state_dict", "05_model_parameters"),
])
def test_korean_search_finds_the_lesson(page, server, query, stem):
    if stem not in {ls.stem for ls in LESSONS}:
        pytest.skip(f"{stem} not written yet")
    page.goto(f"{server}/", wait_until="networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator(".md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on keyup
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    top = [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(min(5, results.count()))]
    assert any(f"lessons/{stem}/" in h for h in top), f"{query!r}: top results {top}"
    text = page.locator(".md-search-result").inner_text()
    for junk in ("¶", "In [", "Copied!"):
        assert junk not in text, f"search results show {junk!r}"
    results.locator(f"a[href*='lessons/{stem}/']").first.click()
    page.wait_for_load_state("networkidle")
    assert f"/lessons/{stem}/" in page.url


def test_dark_mode_toggle(page, server):
    page.goto(f"{server}/en/", wait_until="networkidle")
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.locator("body").get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}


def test_phone_width_shows_the_navigation_drawer(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    pg = context.new_page()
    pg.goto(f"{server}/lessons/{FIRST}/", wait_until="networkidle")
    button = pg.locator("label.md-header__button[for='__drawer']")
    assert button.is_visible()
    button.click()
    pg.wait_for_timeout(400)
    assert pg.locator(".md-nav--primary").first.is_visible()
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 375 + 1, f"page is {width}px wide on a 375px screen"
    shot(pg, "lesson-ko-phone.png")
    context.close()


class _UnderBasePath(_QuietHandler):
    """Serves the site under /some/base/, as a project page or a sub-folder of a host would."""
    base = "/some/base"

    def translate_path(self, path):
        return super().translate_path(path[len(self.base):] if path.startswith(self.base + "/") else "/nowhere")


def test_run_page_gives_the_wheels_absolute_address_under_a_base_path(browser, built_site):
    import urllib.request

    from course_lib.build import downloads

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_UnderBasePath, directory=str(built_site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{httpd.server_address[1]}/some/base/"
    context = browser.new_context()
    try:
        pg = context.new_page()
        for path in ("run/", "en/run/"):
            pg.goto(root + path)
            line = pg.locator("pre.course-pip code").inner_text().strip()
            url = root + "downloads/" + downloads.wheel_name()
            assert line == f"pip install torch torchvision {url}"
            with urllib.request.urlopen(url) as response:  # the address is right: the wheel is there
                assert response.read() == (built_site / "downloads" / downloads.wheel_name()).read_bytes()
    finally:
        context.close()
        httpd.shutdown()
