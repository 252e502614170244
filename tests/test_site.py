"""The built site: every lesson rendered (not copied raw) in both languages, with real outputs, offline."""
from __future__ import annotations

import json
import os
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
    for soup in (ko, en):  # how to run the lessons: the "Run it yourself" page
        assert any(a["href"].rstrip("/").endswith("run") for a in soup.select("article a[href]"))
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


RUN_PAGES = {"ko": ("run/index.html", "직접 실행하기"), "en": ("en/run/index.html", "Run it yourself")}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_run_it_yourself_page(built_site, lang):
    """Python version, the pip line whose wheel address the browser completes, Colab, data, devices."""
    from course_lib.build import downloads

    path, title = RUN_PAGES[lang]
    soup = soup_of(built_site / path)
    assert soup.html["lang"] == lang and soup.select_one("article h1").get_text(strip=True).startswith(title)
    text = soup.select_one("article").get_text(" ")
    for needed in ("3.10", "Colab", "COURSE_DATA_DIR", "/usr/share/datasets/fashion-mnist", "dataset-fashion-mnist",
                   "CUDA", "MPS", "CPU", "pip install torch torchvision"):
        assert needed in text, f"{lang} run page lacks {needed!r}"
    span = soup.select_one("pre.course-pip [data-download]")
    assert span is not None and "new URL(el.dataset.download, document.baseURI)" in str(soup)
    for rel in [span["data-download"], *(a["href"] for a in soup.select("a.course-download"))]:
        assert (built_site / path).parent.joinpath(rel).resolve().is_file(), rel
    assert span["data-download"].endswith(downloads.wheel_name())
    for zip_name in (downloads.zip_name("ko"), downloads.zip_name("en")):
        assert any(a["href"].endswith(zip_name) for a in soup.select("a.course-download"))


@pytest.mark.parametrize("lang,stem", PAGES, ids=[f"{l}/{s}" for l, s in PAGES])
def test_lesson_downloads_point_to_the_run_page_and_notebooks_stand_alone(built_site, lang, stem, root):
    import json

    from course_lib.build import downloads

    path = page_path(built_site, lang, stem)
    how = soup_of(path).select_one(".run-record a.run-record__how")
    assert how is not None and (path.parent / how["href"] / "index.html").resolve() == (built_site / RUN_PAGES[lang][0]).resolve()
    offered = json.loads((path.parent / f"{stem}.ipynb").read_text(encoding="utf-8"))
    built = json.loads((root / "docs" / lang / "lessons" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    assert offered["cells"][0]["id"] == downloads.INSTALL_CELL_ID and offered["cells"][1:] == built["cells"]
    assert all(c.get("id") != downloads.INSTALL_CELL_ID for c in built["cells"]), "the build ran the install cell"


def test_no_page_refers_to_a_repository_it_cannot_name(built_site):
    """Built without COURSE_REPO_URL (as the tests build it): no repository in the header, and no
    page speaks of cloning one or of its make targets."""
    import os

    if os.environ.get("COURSE_REPO_URL"):
        pytest.skip("COURSE_REPO_URL is set")
    for path in built_site.rglob("*.html"):
        soup = soup_of(path)
        assert soup.select_one(".md-source") is None, f"{path}: repository link in the header"
        text = soup.select_one("article").get_text(" ") if soup.select_one("article") else ""
        for phrase in ("cloning", "clone the", "make setup", "make serve", "저장소를 받은", "복제(clone)"):
            assert phrase not in text, f"{path}: {phrase!r}"
        if "lessons" not in path.relative_to(built_site).parts:  # (lessons may name others', e.g. Fashion-MNIST's)
            assert "repository" not in text.lower() and "저장소" not in text, f"{path} mentions a repository"


def test_downloads_published_with_the_site(built_site):
    import zipfile

    from course_lib.build import downloads

    folder = built_site / "downloads"
    wheel = folder / downloads.wheel_name()
    assert wheel.read_bytes() == downloads.wheel_bytes()
    for lang in ("ko", "en"):
        with zipfile.ZipFile(folder / downloads.zip_name(lang)) as zf:
            assert zf.testzip() is None
            assert zf.read(f"torch-nn-course-{lang}/{downloads.wheel_name()}") == wheel.read_bytes()


def test_addresses_set_at_build_time_reach_the_header_home_pages_and_notebooks(built_site, root, tmp_path):
    """COURSE_SITE_URL / COURSE_REPO_URL, set by whoever publishes: the repository in the header and on
    both home pages, the wheel's https address in every downloadable notebook (lessons: cached)."""
    import json
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


def test_addresses_set_at_build_time_reach_the_header_home_pages_and_notebooks(built_site, root, tmp_path):
    """COURSE_SITE_URL / COURSE_REPO_URL, set by whoever publishes: the repository in the header and on
    both home pages, the wheel's https address in every downloadable notebook (lessons: cached)."""
    import subprocess
    import sys

    from course_lib.build import downloads

    site, repo = "https://example.org/torch-nn/", "https://git.example.org/you/torch-nn"
    env = {**os.environ, "COURSE_SITE_URL": site, "COURSE_REPO_URL": repo}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-4000:]
    for home in (tmp_path / "site" / "index.html", tmp_path / "site" / "en" / "index.html"):
        soup = soup_of(home)
        assert soup.select_one(".md-header a.md-source, .md-header .md-source")["href"] == repo
        assert soup.select_one(f'article a[href="{repo}"]') is not None
        assert "make setup" in soup.select_one("article").get_text()
    url = f"{site}downloads/{downloads.wheel_name()}"
    notebooks = sorted((tmp_path / "site").glob("**/lessons/*/*.ipynb"))
    assert len(notebooks) == len(PAGES)
    for path in notebooks:
        first = json.loads(path.read_text(encoding="utf-8"))["cells"][0]
        assert first["id"] == downloads.INSTALL_CELL_ID and repr(url) in "".join(first["source"])
