"""The built site in a real browser (Debian's Chromium driven by Playwright), served from 127.0.0.1 only."""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import threading
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import LESSONS, ROOT, in_ci

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
FIRST = sorted({ls.stem for ls in LESSONS})[0]


@pytest.fixture(scope="module", params=["", "/torch-nn-course"], ids=["root", "subpath"])
def server(built_site, request):
    """The site at the root, and under a subpath as GitHub Pages serves a project: every browser test runs on both."""
    handler = functools.partial(_PagesHandler, directory=str(built_site), prefix=request.param)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{request.param}"
    httpd.shutdown()


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under ``prefix`` as GitHub Pages does: its ``404.html``, status 404, for any missing path."""

    def __init__(self, *args, prefix: str, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        inside = path.startswith(self.prefix + "/")
        return super().translate_path(path[len(self.prefix):] if inside else "/no such file")

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

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


def search(pg, query: str) -> list[str]:
    """Type ``query`` into Material's search; the addresses of the results."""
    pg.locator("label.md-search__icon, .md-search__input").first.click()
    box = pg.locator(".md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on keyup
    results = pg.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    return [a.get_attribute("href") or "" for a in results.locator("a").all()]


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
    search(page, query)
    results = page.locator(".md-search-result__item")
    top = [results.nth(i).locator("a").first.get_attribute("href") or "" for i in range(min(5, results.count()))]
    assert any(f"lessons/{stem}/" in h for h in top), f"{query!r}: top results {top}"
    text = page.locator(".md-search-result").inner_text()
    for junk in ("¶", "In [", "Copied!"):
        assert junk not in text, f"search results show {junk!r}"
    results.locator(f"a[href*='lessons/{stem}/']").first.click()
    page.wait_for_load_state("networkidle")
    assert f"/lessons/{stem}/" in page.url


@pytest.mark.parametrize("home,query", [("/", "신경망"), ("/en/", "neural network")])
def test_search_finds_pages_in_the_readers_language_only(page, server, home, query):
    page.goto(f"{server}{home}", wait_until="networkidle")
    found = search(page, query)
    assert found and any("/lessons/" in h for h in found), found
    english = [h for h in found if h.startswith(f"{server}/en/")]
    assert english == (found if home == "/en/" else []), f"{query!r} on {home}: {found}"


@pytest.mark.parametrize("missing,lang", [("/lessons/no_such_lesson/", "ko"), ("/en/lessons/no_such_lesson/", "en")])
def test_404_page_in_the_readers_language_stays_on_the_site(page, server, missing, lang):
    failed = []  # (Chromium's preload scanner also asks for the assets beside the missing page, before the <base>)
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and not r.url.startswith(server + missing) else None)
    response = page.goto(f"{server}{missing}", wait_until="networkidle")
    assert response.status == 404
    page.console_errors[:] = [m for m in page.console_errors if "status of 404" not in m]  # those, and the page itself
    assert failed == [], f"not loaded: {failed}"
    assert page.locator("html").get_attribute("lang") == lang
    sheets = page.evaluate("[...document.styleSheets].map(s => [s.href, s.cssRules.length])")
    assert len(sheets) >= 3 and all(href.startswith(f"{server}/assets/") and rules for href, rules in sheets), sheets
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky", "no styles"
    logo = page.locator(".md-header .md-logo svg").bounding_box()
    assert logo and logo["height"] <= 48, f"giant logo: {logo}"
    local = urlparse(server).netloc
    links = [a.evaluate("a => a.href") for a in page.locator("a[href]").all()]
    assert [h for h in links if urlparse(h).netloc == local and not h.startswith(f"{server}/")] == []
    switch = {a.get_attribute("lang"): a.evaluate("a => a.href") for a in page.locator(".md-select__link").all()}
    assert switch == {"ko": f"{server}/", "en": f"{server}/en/"}
    with page.expect_navigation():
        page.locator("nav.md-nav--primary a[href*='lessons/']").first.evaluate("a => a.click()")
    assert page.url.startswith(f"{server}/{'en/' if lang == 'en' else ''}lessons/") and page.locator("article h1").count()


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


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    """``make offline``'s zip, unpacked: the site as a reader opens it from disk."""
    proc = subprocess.run(["make", "offline"], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, f"make offline failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(ROOT / "build" / "torch-nn-course.zip") as z:
        z.extractall(folder)
    return folder / "torch-nn-course"


def test_the_offline_zip_works_from_disk(browser, offline_site):
    """From file://: navigation opens pages (not folder listings), figures, search in each language, dark mode."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors, remote = [], []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file:", "data:", "blob:", "about:")) else None)
    pg.goto((offline_site / "index.html").as_uri())
    with pg.expect_navigation():
        pg.locator("nav.md-nav--primary a[href*='lessons/']").first.evaluate("a => a.click()")
    assert pg.url.endswith(f"/lessons/{FIRST}.html") and pg.locator("article h1").first.is_visible()
    figure = pg.locator("img.course-figure").first
    figure.scroll_into_view_if_needed()
    assert figure.evaluate("img => img.decode().then(() => img.naturalWidth > 0)"), "figure did not load"
    before = pg.locator("body").get_attribute("data-md-color-scheme")
    pg.locator("form[data-md-component='palette'] label:visible").first.click()
    assert {before, pg.locator("body").get_attribute("data-md-color-scheme")} == {"default", "slate"}
    for home, query in (("index.html", "신경망"), ("en/index.html", "neural network")):
        pg.goto((offline_site / home).as_uri())
        found = search(pg, query)
        assert found and all(("/torch-nn-course/en/" in h) == home.startswith("en/") for h in found), found
        with pg.expect_navigation():
            pg.locator(".md-search-result__item a").first.click()
        assert ".html" in pg.url and pg.locator("article h1").first.is_visible()
    shot(pg, "offline-en.png")
    context.close()
    assert errors == [] and remote == [], f"console errors: {errors}; requests off the disk: {remote}"


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGE_TYPES = {"home": "", "lesson": f"lessons/{FIRST}/", "glossary": "glossary/", "build": "build/"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_serious_accessibility_violations(browser, server, kind, lang, scheme):
    """axe-core (npm, installed by `make setup`) finds no serious or critical violation, in either colour scheme."""
    if not AXE.exists():
        (pytest.fail if in_ci() else pytest.skip)(f"{AXE} missing: `make setup` installs it")
    context = browser.new_context(color_scheme=scheme)
    pg = context.new_page()
    pg.goto(f"{server}/{'en/' if lang == 'en' else ''}{PAGE_TYPES[kind]}", wait_until="networkidle")
    assert pg.locator("body").get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    pg.add_script_tag(path=str(AXE))
    found = pg.evaluate("""axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
        .filter(v => ['serious', 'critical'].includes(v.impact))
        .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary).join(' | ')}`))""")
    unnamed_navs = pg.locator("nav:not([aria-label]):not([aria-labelledby]):not([role='none'])").count()
    context.close()
    assert found == [], "\n".join(found)
    assert unnamed_navs == 0, f"{unnamed_navs} unnamed <nav> landmarks"


def test_glossary_term_shows_its_tip_on_hover_and_focus(page, server):
    page.goto(f"{server}/lessons/{FIRST}/", wait_until="networkidle")
    term = page.locator("article .gloss > dfn").first
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    assert not tip.is_visible()
    term.hover()
    assert tip.is_visible() and tip.locator("b[lang='en']").inner_text()
    page.mouse.move(0, 0)
    assert not tip.is_visible()
    term.focus()
    assert tip.is_visible()
    shot(page, "glossary-tip.png")


def test_run_page_gives_the_wheels_absolute_address(browser, server, built_site):
    """At the root and under a subpath, the pip line's wheel address is absolute and right: the wheel is there."""
    import urllib.request

    from course_lib.build import downloads

    root = server + "/"
    context = browser.new_context()
    try:
        pg = context.new_page()
        for path in ("run/", "en/run/"):
            pg.goto(root + path)
            line = pg.locator("pre.course-pip code").inner_text().strip()
            url = root + "downloads/" + downloads.wheel_name()
            assert line == f"pip install torch torchvision {url}"
            with urllib.request.urlopen(url) as response:
                assert response.read() == (built_site / "downloads" / downloads.wheel_name()).read_bytes()
    finally:
        context.close()
