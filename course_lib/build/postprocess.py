"""Turning mkdocs-jupyter's HTML into course pages: anchors, pitfall boxes, solutions, math, run record.

Pure functions on HTML, used by ``hooks.py`` and ``render.py`` and tested on their own.
"""
from __future__ import annotations

import html as html_lib
import re

from bs4 import BeautifulSoup, NavigableString, Tag

TEXT = {
    "ko": dict(pitfall="흔한 실수", solution="풀이 보기", run="이 페이지의 출력은 빌드할 때 실제로 실행한 결과입니다",
               device="장치", wall="실행 시간", date="실행 일시", download="내려받기", py="파이썬 스크립트 (.py)",
               ipynb="실행된 노트북 (.ipynb)", how="직접 실행하는 방법", outdated_title="번역 확인 필요", outdated_link="영어 강의",
               outdated="영어 원문이 이 번역 이후에 바뀌었습니다. 최신 내용은 {link}에서 확인하세요."),
    "en": dict(pitfall="Pitfall", solution="Show solution", download="Download", device="device",
               run="Every output on this page was produced by running it at build time", wall="wall time",
               date="run on", py="Python script (.py)", ipynb="executed notebook (.ipynb)", how="how to run it yourself"),
}

# $$display$$ or $inline$; a Korean particle may follow directly ($z$를), a digit or Latin letter may not (US$5)
# (inline math may wrap onto the next source line, but not across a blank line)
_MATH = re.compile(r"\$\$(.+?)\$\$|(?<![\\$0-9A-Za-z])\$(?!\s)((?:[^$\n]|\n(?!\n))+?)(?<!\s)\$(?![0-9A-Za-z$])", re.S)
_ARITHMATEX = re.compile(r"^\\\((.*)\\\)$|^\\\[(.*)\\\]$", re.S)


def slugify(text: str) -> str:
    """Unicode-aware heading id, the same function Python-Markdown pages use (pymdownx)."""
    from pymdownx.slugs import slugify as make

    return make(case="lower")(text, "-")


def latex_to_mathml(latex: str, display: bool = False) -> str:
    """MathML for one LaTeX formula (no JavaScript, renders natively in browsers)."""
    from latex2mathml.converter import convert

    return convert(latex.strip(), display="block" if display else "inline")


def _replace_math_in_text(node: NavigableString) -> int:
    """Replace the formulas in one text node; return how many there were."""
    text = str(node)
    parts, last, count = [], 0, 0
    for m in _MATH.finditer(text):
        parts.append(html_lib.escape(text[last:m.start()], quote=False))
        display = m.group(1) is not None
        parts.append(f'<span class="math">{latex_to_mathml(m.group(1) if display else m.group(2), display)}</span>')
        last = m.end()
        count += 1
    if count:
        parts.append(html_lib.escape(text[last:], quote=False))
        node.replace_with(*list(BeautifulSoup("".join(parts), "html.parser").contents))
    return count


def render_math(soup: BeautifulSoup) -> int:
    """Replace ``$..$``/``$$..$$`` in notebook markdown cells and pymdownx arithmatex spans with MathML."""
    count = 0
    for span in soup.find_all(class_="arithmatex"):
        m = _ARITHMATEX.match(span.get_text())
        if m:
            display = m.group(2) is not None
            span.replace_with(BeautifulSoup(
                f'<span class="math">{latex_to_mathml(m.group(1) if not display else m.group(2), display)}</span>',
                "html.parser"))
            count += 1
    for cell in soup.find_all(class_=["jp-MarkdownCell", "jp-RenderedMarkdown"]):
        for node in list(cell.find_all(string=True)):
            if "$" in node and node.find_parent(["code", "pre", "script", "style", "math"]) is None:
                count += _replace_math_in_text(node)
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
        base = slugify(name) or "section"
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


def _top_cells(soup: BeautifulSoup) -> list[tuple[Tag, int]]:
    """The top-level cell elements with their notebook cell index (from the executor's cell ids
    ``<lang>-<index>``, on the cell or, in mkdocs-jupyter's outer code-cell wrapper, a descendant)."""
    cells = []
    for notebook in soup.find_all(class_="jp-Notebook"):
        for el in notebook.find_all(class_="jp-Cell", recursive=False):
            tagged = el if el.get("id") else el.find(id=_CELL_ID)
            m = _CELL_ID.match(tagged.get("id", "")) if tagged is not None else None
            if m:
                cells.append((el, int(m.group(1))))
    return cells


def _groups(cells: list[tuple[Tag, int]], cell_tags: list[list[str]], tag: str) -> list[list[Tag]]:
    """Runs of consecutive cells whose notebook cell carries ``tag``."""
    groups: list[list[Tag]] = []
    previous = None
    for el, index in cells:
        if index < len(cell_tags) and tag in cell_tags[index]:
            if groups and previous is not None and previous + 1 == index:
                groups[-1].append(el)
            else:
                groups.append([el])
            previous = index
        else:
            previous = None
    return groups


def wrap_tagged_cells(soup: BeautifulSoup, lang: str, cell_tags: list[list[str]]) -> tuple[int, int]:
    """Put ``pitfall`` runs in a warning admonition and ``solution`` runs in a collapsed ``<details>``."""
    t = TEXT[lang]
    cells = _top_cells(soup)
    pitfalls, solutions = _groups(cells, cell_tags, "pitfall"), _groups(cells, cell_tags, "solution")
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
    ``<dfn>`` described (``aria-describedby``) by a tip, shown on hover and focus by CSS, with the term
    in the other language and its definition. Returns how many were marked."""
    from course_lib.build.generated import term_forms

    other = "en" if lang == "ko" else "ko"
    forms = {form: e for e in entries for form in term_forms(e, lang) if form}
    if not forms:
        return 0
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # English: the whole word ("trained", not "train" + "ed"); Korean: the term alone, its particle left outside
    pattern = re.compile(rf"(?<![\w-])(?P<term>{alternation})\w*" if lang == "en" else rf"(?P<term>{alternation})",
                         re.I if lang == "en" else 0)
    seen: set[tuple[str, str]] = set()
    count = 0
    for node in list(soup.find_all(string=pattern)):
        if node.find_parent(class_="jp-MarkdownCell") is None or node.find_parent(
                ["h1", "h2", "h3", "h4", "code", "pre", "a", "math", "summary", "dfn", "script", "style"]):
            continue
        heading = node.find_previous(["h1", "h2"])  # each section marks every term again
        section = heading.get("id", "") if heading is not None else ""
        parts, last, text = [], 0, str(node)
        for m in pattern.finditer(text):
            e = forms[next(f for f in forms if f.lower() == m.group("term").lower())]
            if (section, e[lang]) in seen:
                continue
            seen.add((section, e[lang]))
            count += 1
            tip = f"gloss-{count}"
            parts += [html_lib.escape(text[last:m.start()], quote=False),
                      f'<span class="gloss"><dfn tabindex="0" aria-describedby="{tip}">{html_lib.escape(m.group(0))}</dfn>'
                      f'<span class="gloss__tip" role="tooltip" id="{tip}" data-search-exclude><b lang="{other}">'
                      f'{html_lib.escape(e[other])}</b>: {html_lib.escape(e["def_" + lang])}</span></span>']
            last = m.end()
        if parts:
            parts.append(html_lib.escape(text[last:], quote=False))
            node.replace_with(*BeautifulSoup("".join(parts), "html.parser").contents)
    return count


def run_record_html(run: dict, lang: str, stem: str) -> str:
    """The box under a lesson's title: where and when it ran, and download links."""
    t = TEXT[lang]
    return (
        f'<div class="run-record" data-lesson="{stem}" data-search-exclude>'
        f'<p><span class="run-record__label">{t["run"]}:</span> '
        f'{t["device"]} <code>{html_lib.escape(run["device"])}</code> · '
        f'torch <code>{html_lib.escape(run["torch"])}</code> · '
        f'{t["wall"]} <code>{run["wall_time_s"]:.1f} s</code> · '
        f'{t["date"]} <code>{html_lib.escape(run["date"])}</code></p>'
        f'<p>{t["download"]}: <a href="{stem}.py" download>{t["py"]}</a> · '
        f'<a href="{stem}.ipynb" download>{t["ipynb"]}</a> · '
        f'<a class="run-record__how" href="../../run/">{t["how"]}</a></p></div>'
    )


def outdated_notice_html(lang: str, stem: str) -> str:
    """Notice on a translated lesson whose English twin changed after it was last synced."""
    t = TEXT[lang]
    link = f'<a href="../../en/lessons/{stem}/">{t["outdated_link"]}</a>'
    return (f'<div class="admonition note translation-outdated"><p class="admonition-title">{t["outdated_title"]}</p>'
            f'<p>{t["outdated"].format(link=link)}</p></div>')


def extract_figures(soup: BeautifulSoup) -> dict[str, bytes]:
    """Move embedded PNG figures into files named by their content (lighter pages, faster search
    indexing); returns ``{file name: PNG bytes}``."""
    import base64
    import hashlib

    files = {}
    for img in soup.find_all("img", class_="course-figure"):
        src = img.get("src", "")
        if src.startswith("data:image/png;base64,"):
            data = base64.b64decode(src.split(",", 1)[1])
            name = f"fig-{hashlib.sha256(data).hexdigest()[:16]}.png"
            files[name] = data
            img["src"] = name
            img["loading"] = "lazy"
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
    if run is not None or outdated:
        h1 = soup.find("h1")
        notice = outdated_notice_html(lang, stem) if outdated else ""
        record = BeautifulSoup((run_record_html(run, lang, stem) if run else "") + notice, "html.parser")
        anchor = h1.find_parent(class_="jp-Cell") if h1 else None
        if anchor is not None:
            anchor.insert_after(record)
        else:
            soup.insert(0, record)
    return str(soup), tokens, figures


def process_page_html(content: str) -> str:
    """Hand-written Markdown pages: only math needs work."""
    if "arithmatex" not in content:
        return content
    soup = BeautifulSoup(content, "html.parser")
    render_math(soup)
    return str(soup)
