"""The built site: every lesson rendered (not copied raw) in both languages, with real outputs, offline."""
from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from conftest import LESSONS

pytestmark = pytest.mark.slow
PAGES = [(ls.lang, ls.stem) for ls in LESSONS]
EXTERNAL = re.compile(r"^(https?:)?//", re.I)


def page_path(site, lang, stem):
    return (site if lang == "ko" else site / "en") / "lessons" / stem / "index.html"


def soup_of(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang,stem", PAGES, ids=[f"{l}/{s}" for l, s in PAGES])
def test_lesson_page_rendered_with_outputs(built_site, lang, stem):
    path = page_path(built_site, lang, stem)
    assert path.exists(), f"missing page {path}"
    html = path.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article")
    assert "# %%" not in html, "raw lesson text on the page (copied instead of rendered?)"
    assert soup.select(".jp-CodeCell"), "no code cells rendered"
    assert soup.select(".jp-OutputArea-output"), "no executed output on the page"
    figures = article.select("img.course-figure")
    assert figures, "no figure"
    for img in figures:
        assert img.get("alt"), "figure without alt text"
        assert (path.parent / img["src"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", img["src"]
    text = article.get_text()
    assert "Traceback (most recent call last)" not in text and not soup.select(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert soup.html.get("lang") == lang
    # the run record and the downloads next to the page
    record = soup.select_one(".run-record")
    assert record is not None and "torch" in record.get_text()
    assert (path.parent / f"{stem}.py").exists() and (path.parent / f"{stem}.ipynb").exists()
    # pitfall boxes and collapsed solutions
    assert soup.select(".admonition.pitfall .jp-CodeCell"), "pitfall box without code"
    assert len(soup.select("details.solution")) >= 2
    assert not soup.select("details.solution[open]")


@pytest.mark.parametrize("lang,stem", PAGES, ids=[f"{l}/{s}" for l, s in PAGES])
def test_headings_have_working_unicode_anchors(built_site, lang, stem):
    soup = soup_of(page_path(built_site, lang, stem))
    ids = [h.get("id") for h in soup.select("article h2")]
    assert ids and all(ids), "a heading without an id"
    assert not any("%" in i for i in ids), f"percent-encoded ids: {ids}"
    assert len(ids) == len(set(ids))
    toc = [unquote(a["href"][1:]) for a in soup.select(".md-nav--secondary a.md-nav__link") if a.get("href", "").startswith("#")]
    assert toc and set(toc) <= {h.get("id") for h in soup.select("article [id]")}, "TOC links to missing anchors"
    if lang == "ko":
        assert any(re.search("[가-힣]", i) for i in ids), "Korean headings lost their Korean ids"


@pytest.mark.parametrize("lang,stem", PAGES, ids=[f"{l}/{s}" for l, s in PAGES])
def test_language_switcher_lands_on_the_same_lesson(built_site, lang, stem):
    soup = soup_of(page_path(built_site, lang, stem))
    other = "en" if lang == "ko" else "ko"
    links = {a.get("lang"): a["href"] for a in soup.select(".md-select a.md-select__link[lang]")}
    assert other in links
    target = (page_path(built_site, lang, stem).parent / links[other]).resolve()
    assert target == page_path(built_site, other, stem).parent.resolve()


def test_no_external_hosts_for_fonts_scripts_styles(built_site):
    for path in built_site.rglob("*.html"):
        soup = soup_of(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr) or ""
                if tag == "link" and not {"stylesheet", "preload", "icon", "modulepreload"} & set(el.get("rel", [])):
                    continue
                assert not EXTERNAL.match(url), f"{path}: {tag} loads {url}"
        for style in soup.find_all("style"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", style.get_text()), f"{path}: CSS loads a remote url"
            assert "@import" not in style.get_text() or "//" not in style.get_text()
    for css in built_site.rglob("*.css"):
        assert not re.search(r"(@import|url\()\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8", errors="ignore")), css


def test_math_is_rendered_to_mathml(built_site):
    maths = 0
    for lang, stem in PAGES:
        soup = soup_of(page_path(built_site, lang, stem))
        maths += len(soup.select(".math math"))
        for cell in soup.select(".jp-MarkdownCell"):
            text = cell.get_text()
            assert not re.search(r"\$[^$\s][^$]*\$", text), f"{lang}/{stem}: raw math left: {text[:200]}"
    assert maths > 0


def test_home_pages_exist_in_both_languages(built_site):
    ko, en = soup_of(built_site / "index.html"), soup_of(built_site / "en" / "index.html")
    assert ko.html["lang"] == "ko" and en.html["lang"] == "en"
    assert "make serve" in ko.get_text() and "make serve" in en.get_text()
    # the nav lists every lesson, with titles in that page's language
    for soup, lang in ((ko, "ko"), (en, "en")):
        hrefs = {a["href"] for a in soup.select("nav.md-nav--primary a[href]")}
        for stem in {s for l, s in PAGES if l == lang}:
            assert any(f"lessons/{stem}/" in h for h in hrefs), f"{lang} nav lacks {stem}"


def test_lesson_10_reaches_the_promised_accuracy(built_site):
    """The FashionMNIST model of lesson 10 reaches >= 0.89 test accuracy, as printed by the lesson."""
    import json

    from conftest import ROOT

    for lang in ("ko", "en"):
        path = ROOT / "docs" / lang / "lessons" / "10_validate_and_tune.ipynb"
        assert path.exists(), "lesson 10 was not executed"
        nb = json.loads(path.read_text(encoding="utf-8"))
        text = "".join("".join(o.get("text", "")) for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"])
        found = re.findall(r"^test accuracy: (0\.\d{4})$", text, re.M)
        assert found, "lesson 10 prints no 'test accuracy: 0.xxxx' line"
        assert float(found[-1]) >= 0.89, f"test accuracy {found[-1]} < 0.89"


def test_search_index_per_language_holds_each_cell_once(built_site):
    """Korean pages in ``search/``, English ones in ``en/search/``; no cell's code indexed twice."""
    import json

    for lang, folder in (("ko", built_site), ("en", built_site / "en")):
        docs = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        pages = {d["location"].split("#")[0] for d in docs}
        assert {f"lessons/{s}/" for l, s in PAGES if l == lang} <= pages and not any(p.startswith("en/") for p in pages)
        lesson = " ".join(d["text"] for d in docs if d["location"].startswith("lessons/01_neural_networks/"))
        assert lesson.count("import matplotlib.pyplot as plt") == 1  # its first code cell (once mkdocs-jupyter's copy text too)


def test_sitemap_lists_every_page_by_absolute_url(built_site, tmp_path):
    """With ``COURSE_SITE_URL`` set (and only then: ``built_site`` has none), sitemap.xml lists every page."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    url = "https://example.org/torch-nn-course/"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")], cwd=ROOT,
                          capture_output=True, text=True, timeout=900, env={**os.environ, "COURSE_SITE_URL": url.rstrip("/")})
    assert proc.returncode == 0, proc.stderr[-4000:]
    locs = re.findall(r"<loc>([^<]*)</loc>", (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8"))
    pages = {url + p.parent.relative_to(tmp_path / "site").as_posix().removeprefix(".") + "/" for p in (tmp_path / "site").rglob("index.html")}
    assert sorted(locs) == sorted({loc.replace(url + "/", url) for loc in pages})
    assert any("/en/lessons/" in loc for loc in locs)


def test_links_inside_lessons_lead_to_pages(built_site):
    """Links between lessons (written ``05_x.ipynb`` in a notebook) and to the English twin land on a page."""
    checked = 0
    for lang, stem in PAGES:
        path = page_path(built_site, lang, stem)
        for a in soup_of(path).select("article a[href]"):
            href = a["href"].split("#")[0]
            if href and not EXTERNAL.match(href) and not href.startswith("mailto:") and not a.has_attr("download"):
                target = (path.parent / unquote(href)).resolve()
                assert (target / "index.html" if target.is_dir() else target).is_file(), f"{lang}/{stem}: {a['href']}"
                checked += 1
    assert checked


def _course_css_bytes(page):
    """Bytes of the stylesheets a page links beyond Material's own (``assets/stylesheets/``)."""
    soup = soup_of(page)
    hrefs = [link["href"] for link in soup.select("link[rel=stylesheet]") if "assets/stylesheets/" not in link["href"]]
    return sum((page.parent / href).stat().st_size for href in hrefs)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_pages_load_only_the_css_they_use(built_site, lang):
    """Home and glossary: at most 30 kB of course CSS; a lesson page at most 150 kB (the notebook styles)."""
    root = built_site if lang == "ko" else built_site / "en"
    for page in (root / "index.html", root / "glossary" / "index.html", root / "build" / "index.html"):
        assert _course_css_bytes(page) <= 30_000, page
        assert "notebook.css" not in page.read_text(encoding="utf-8"), page
    for ls in LESSONS:
        if ls.lang == lang:
            page = page_path(built_site, lang, ls.stem)
            assert 0 < _course_css_bytes(page) <= 150_000 and "notebook.css" in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("lang,stem", PAGES, ids=[f"{l}/{s}" for l, s in PAGES])
def test_glossary_terms_carry_their_tips(built_site, lang, stem):
    soup = soup_of(page_path(built_site, lang, stem))
    terms = soup.select("article .gloss > dfn[tabindex='0'][aria-describedby]")
    assert terms, "no glossary term marked"
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(doc["text"] for doc in index["docs"])
    for dfn in terms:
        tip = soup.find(id=dfn["aria-describedby"])
        assert tip is not None and tip.get("role") == "tooltip" and tip.select_one("b[lang]").get_text(strip=True)
        assert tip.get_text() not in texts, "a glossary tip in the search index"
