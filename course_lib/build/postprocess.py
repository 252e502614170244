"""Turning mkdocs-jupyter's HTML into course pages: anchors, pitfall boxes, solutions, math, run record.

Functions on HTML, tested on their own; ``processed_lesson`` keeps each page it made (~0.2 s a page).
"""
from __future__ import annotations

import base64
import hashlib
import html as html_lib
import json
import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from latex2mathml.converter import convert
from pymdownx.slugs import slugify

from course_lib.build import cache, text
from course_lib.build.lessons import OTHER

# $$display$$ or $inline$; a Korean particle may follow directly ($z$를), a digit or Latin letter may not (US$5)
# (inline math may wrap onto the next source line, but not across a blank line)
_MATH = re.compile(r"\$\$(.+?)\$\$|(?<![\\$0-9A-Za-z])\$(?!\s)((?:[^$\n]|\n(?!\n))+?)(?<!\s)\$(?![0-9A-Za-z$])", re.S)
_SOURCE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()  # part of every page's cache key
_slugify = slugify(case="lower")  # unicode-aware heading ids, as on the Markdown pages (mkdocs.yml)


def _sub_text(node: NavigableString, pattern: re.Pattern, make) -> int:
    """Replace the matches of ``pattern`` in a text node by the HTML ``make(match)`` returns (None: left as
    they are); return how many were replaced."""
    text_, parts, last = str(node), [], 0
    for m in pattern.finditer(text_):
        if (html := make(m)) is not None:
            parts += [html_lib.escape(text_[last:m.start()], quote=False), html]
            last = m.end()
    if parts:
        node.replace_with(*BeautifulSoup("".join(parts) + html_lib.escape(text_[last:], quote=False), "html.parser").contents)
    return len(parts) // 2


def _mathml(latex: str, display: bool) -> str:
    """MathML for one LaTeX formula: no JavaScript, the browser renders it."""
    return f'<span class="math">{convert(latex.strip(), display="block" if display else "inline")}</span>'


def render_math(soup: BeautifulSoup) -> int:
    """Replace ``$..$``/``$$..$$`` in notebook markdown cells with MathML; return how many."""
    count = 0
    for cell in soup.find_all(class_=["jp-MarkdownCell", "jp-RenderedMarkdown"]):
        for node in list(cell.find_all(string=True)):
            if "$" in node and node.find_parent(["code", "pre", "script", "style", "math"]) is None:
                count += _sub_text(node, _MATH, lambda m: _mathml(m[1] or m[2], m[1] is not None))
    return count


def fix_headings(soup: BeautifulSoup) -> list[dict]:
    """Give every heading a unicode slug id and a Material-style permalink; return TOC tokens."""
    seen: dict[str, int] = {}
    tokens: list[dict] = []
    stack: list[dict] = []
    for h in soup.find_all(re.compile(r"^h[1-6]$")):
        for a in h.find_all("a", class_=["anchor-link", "headerlink"]):
            a.decompose()
        name = h.get_text(" ", strip=True)
        base = _slugify(name, "-") or "section"
        n = seen.get(base, 0)
        seen[base] = n + 1
        hid = base if n == 0 else f"{base}_{n}"
        h["id"] = hid
        link = soup.new_tag("a", attrs={"class": "headerlink", "href": f"#{hid}", "title": "Permanent link"})
        link.string = "¶"
        h.append(link)
        token = {"level": int(h.name[1]), "id": hid, "name": html_lib.escape(name), "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(token)
        stack.append(token)
    return tokens


_CELL_ID = re.compile(r"^cell-id=[a-z]+-(\d+)$")


def _groups(soup: BeautifulSoup, cell_tags: list[list[str]], tag: str) -> list[list[Tag]]:
    """Runs of consecutive top-level cell elements whose notebook cell carries ``tag`` (the index comes from
    the executor's cell id ``<lang>-<index>``, on the cell or, in a code cell's outer wrapper, inside it)."""
    groups: list[list[Tag]] = []
    previous = None
    for el in [el for nb in soup.find_all(class_="jp-Notebook") for el in nb.find_all(class_="jp-Cell", recursive=False)]:
        tagged = el if el.get("id") else el.find(id=_CELL_ID)
        m = _CELL_ID.match(tagged.get("id", "")) if tagged is not None else None
        index = int(m[1]) if m else len(cell_tags)
        if index < len(cell_tags) and tag in cell_tags[index]:
            if previous == index - 1:
                groups[-1].append(el)
            else:
                groups.append([el])
            previous = index
        else:
            previous = None
    return groups


def wrap_tagged_cells(soup: BeautifulSoup, lang: str, cell_tags: list[list[str]]) -> tuple[int, int]:
    """Put ``pitfall`` runs in a warning admonition and ``solution`` runs in a collapsed ``<details>``."""
    t = text(lang)
    pitfalls, solutions = _groups(soup, cell_tags, "pitfall"), _groups(soup, cell_tags, "solution")
    for group, box, title in [*((g, soup.new_tag("div", attrs={"class": "admonition warning pitfall"}),
                                 soup.new_tag("p", attrs={"class": "admonition-title"})) for g in pitfalls),
                              *((g, soup.new_tag("details", attrs={"class": "solution"}), soup.new_tag("summary"))
                                for g in solutions)]:
        title.string = t["solution"] if box.name == "details" else t["pitfall"]
        strong = group[0].find("strong") if box.name == "div" and "jp-MarkdownCell" in group[0].get("class", []) else None
        if strong is not None:  # a pitfall's own title: its first bold words, code spans kept as they are
            title.clear()
            title.extend(list(strong.contents))
            last = title.contents[-1] if title.contents else None
            if isinstance(last, NavigableString):
                last.replace_with(last.rstrip().rstrip(".:"))
            parent = strong.parent
            strong.decompose()
            if parent.name == "p" and not parent.get_text(strip=True):
                parent.decompose()
        group[0].insert_before(box)
        box.append(title)
        for cell in group:
            box.append(cell.extract())
    return len(pitfalls), len(solutions)


def use_material_code_blocks(soup: BeautifulSoup) -> None:
    """Drop mkdocs-jupyter's inline notebook CSS (~600 kB, unscoped: lesson pages link the course's
    ``assets/notebook.css`` instead), its copy buttons and copy text (hidden by that CSS, yet in the
    search index: "Copied!" and each cell's code again) and its visible cell-tag chips; make each input
    a Material code block (``.highlight``: Material's colours in both schemes, ``<pre><code>``: its copy button)."""
    junk = ["zeroclipboard-container", "celltoolbar", "clipboard-copy-txt"]
    for box in soup.find_all("style") + soup.find_all(class_=junk):
        box.decompose()
    # (find_all rather than CSS selectors: a lesson page has ~2,500 elements, mostly highlighted code)
    divs = [div for div in soup.find_all("div", class_="highlight-ipynb") if div.find_parent(class_="jp-InputArea")]
    for div in divs:
        div["class"].append("highlight")
    for pre in [pre for div in divs for pre in div.find_all("pre", recursive=False)]:
        if pre.code is None:
            code = soup.new_tag("code")
            for child in list(pre.contents):
                code.append(child.extract())
            pre.append(code)


def strip_external_scripts(soup: BeautifulSoup) -> None:
    """Drop nbconvert's CDN MathJax/Mermaid/RequireJS scripts: the site works offline."""
    for s in soup.find_all("script"):
        src = s.get("src", "")
        body = s.string or ""
        if src.startswith(("http:", "https:", "//")) or "MathJax" in body or "mermaid" in body.lower():
            s.decompose()


def glossary_tips(soup: BeautifulSoup, lang: str, entries: list[dict]) -> int:
    """Mark the first use of each glossary term in each ``##`` section of the lesson's prose: a focusable
    ``<dfn>`` described (``aria-describedby``) by a tip that CSS shows on hover and focus, with the term in
    the other language and its definition. Returns how many were marked."""
    from course_lib.build.generated import EN_ENDINGS, term_forms

    forms = {form.lower(): e for e in entries for form in term_forms(e, lang) if form}
    if not forms:
        return 0
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # English: the whole word ("trained", not "train" + "ed"); Korean: the term alone, its particle left outside
    pattern = re.compile(rf"(?<![\w-])(?P<term>{alternation}){EN_ENDINGS}" if lang == "en" else rf"(?P<term>{alternation})", re.I)
    seen: set[tuple[str, str]] = set()
    other, esc = OTHER[lang], html_lib.escape

    def tip(m: re.Match, section: str) -> str | None:
        e = forms[m["term"].lower()]
        if (section, e[lang]) in seen:
            return None
        seen.add((section, e[lang]))
        tid = f"gloss-{len(seen)}"
        return (f'<span class="gloss"><dfn tabindex="0" aria-describedby="{tid}">{esc(m[0])}</dfn><span class="gloss__tip" '
                f'role="tooltip" id="{tid}" data-search-exclude><b lang="{other}">{esc(e[other])}</b>: '
                f'{esc(e["def_" + lang])}</span></span>')

    for node in list(soup.find_all(string=pattern)):
        if node.find_parent(class_="jp-MarkdownCell") is not None and node.find_parent(
                ["h1", "h2", "h3", "h4", "code", "pre", "a", "math", "summary", "dfn", "script", "style"]) is None:
            heading = node.find_previous(["h1", "h2"])  # each section marks every term again
            _sub_text(node, pattern, lambda m: tip(m, heading.get("id", "") if heading is not None else ""))
    return len(seen)


def title_box_html(run: dict | None, outdated: bool, lang: str, stem: str) -> str:
    """Under a lesson's title: where and when it ran with download links, and, on a translation whose English
    twin changed after it was last synced, a notice."""
    t, esc = text(lang), html_lib.escape
    out = "" if run is None else (
        f'<div class="run-record" data-lesson="{stem}" data-search-exclude><p><span class="run-record__label">'
        f'{t["run"]}:</span> {t["device"]} <code>{esc(run["device"])}</code> · torch <code>{esc(run["torch"])}</code>'
        f' · {t["wall"]} <code>{run["wall_time_s"]:.1f} s</code> · {t["date"]} <code>{esc(run["date"])}</code></p>'
        f'<p>{t["download"]}: <a href="{stem}.py" download>{t["py"]}</a> · <a href="{stem}.ipynb" download>'
        f'{t["ipynb"]}</a> · <a class="run-record__how" href="../../run/">{t["how"]}</a></p></div>')
    return out + ("" if not outdated else f'<div class="admonition note translation-outdated"><p class="admonition-title">'
                  f'{t["outdated_title"]}</p><p>{t["outdated"].format(stem=stem)}</p></div>')


def extract_figures(soup: BeautifulSoup) -> dict[str, bytes]:
    """Move embedded PNG figures into files named by their content (lighter pages, faster search indexing)."""
    files = {}
    for img in soup.find_all("img", class_="course-figure", src=re.compile(r"^data:image/png;base64,")):
        data = base64.b64decode(img["src"].split(",", 1)[1])
        img["src"], img["loading"] = f"fig-{hashlib.sha256(data).hexdigest()[:16]}.png", "lazy"
        files[img["src"]] = data
    return files


def process_lesson_html(content: str, lang: str, stem: str, run: dict | None, outdated: bool = False,
                        cell_tags: list[list[str]] | None = None,
                        glossary: list[dict] | None = None) -> tuple[str, list[dict], dict[str, bytes]]:
    """All of the above for one rendered lesson; returns the new HTML, its TOC tokens and its figure files."""
    soup = BeautifulSoup(content, "html.parser")
    figures = extract_figures(soup)
    strip_external_scripts(soup)
    use_material_code_blocks(soup)
    tokens = fix_headings(soup)
    wrap_tagged_cells(soup, lang, cell_tags or [])
    render_math(soup)
    glossary_tips(soup, lang, glossary or [])
    box = BeautifulSoup(title_box_html(run, outdated, lang, stem), "html.parser")
    title_cell = soup.find("h1").find_parent(class_="jp-Cell") if soup.find("h1") else None
    if title_cell is not None:
        title_cell.insert_after(box)
    else:
        soup.insert(0, box)
    return str(soup), tokens, figures


def processed_lesson(folder: Path, html: str, lang: str, stem: str, run: dict | None, outdated: bool,
                     cell_tags: list[list[str]], glossary: list) -> tuple[str, list[dict], dict[str, bytes]]:
    """``process_lesson_html``, kept in ``folder`` (``.cache/pages``) by its inputs and this module's source."""
    key = json.dumps([html, lang, stem, run, outdated, cell_tags, glossary, text(lang), _SOURCE])
    path = Path(folder) / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"
    try:
        e = json.loads(cache.read(path))
        return e["html"], e["toc"], {n: base64.b64decode(d) for n, d in e["figures"].items()}
    except (TypeError, ValueError, KeyError):
        pass
    out, toc, figures = process_lesson_html(html, lang, stem, run, outdated, cell_tags, glossary)
    entry = {"html": out, "toc": toc, "figures": {n: base64.b64encode(d).decode() for n, d in figures.items()}}
    cache.write_atomic(path, json.dumps(entry), keep=cache.KEEP)
    return out, toc, figures
