"""Checks that an HTML page is self-contained, script-free and accessible, with the stdlib parser.

Used by the report and handout tests. :func:`page_problems` returns a list of human-readable
problems (empty when the page passes), so a failing test says everything wrong at once.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
URL_ATTRIBUTES = {"src", "href", "xlink:href", "action", "formaction", "poster", "data", "srcset"}
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "link", "base", "img", "audio", "video"}
EXTERNAL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    children: list[Element] = field(default_factory=list)
    content: list[Element | str] = field(default_factory=list)

    def all_text(self) -> str:
        """The text inside, in document order, with runs of white space made single spaces."""
        parts = [item if isinstance(item, str) else item.all_text() for item in self.content]
        return " ".join("".join(parts).split())

    def find_all(self, tag: str) -> list[Element]:
        found = [child for child in self.children if child.tag == tag]
        for child in self.children:
            found += child.find_all(tag)
        return found

    def ancestors(self) -> list[Element]:
        result = []
        node = self.parent
        while node is not None:
            result.append(node)
            node = node.parent
        return result


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.order: list[Element] = []
        self.styles: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)
        self.current.content.append(element)
        self.order.append(element)
        if tag == "style":
            self.in_style = True
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)
        self.current.content.append(element)
        self.order.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.styles.append(data)
        self.current.content.append(data)


@dataclass
class Page:
    root: Element
    order: list[Element]
    styles: str

    def elements(self, tag: str) -> list[Element]:
        return [element for element in self.order if element.tag == tag]

    def text(self) -> str:
        return self.root.all_text()


def parse(html: str) -> Page:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return Page(builder.root, builder.order, "".join(builder.styles))


def page_problems(html: str) -> list[str]:
    """Everything that breaks the self-contained, script-free, accessible page rules."""
    page = parse(html)
    problems: list[str] = []

    htmls = page.elements("html")
    if len(htmls) != 1 or htmls[0].attrs.get("lang") != "en-GB":
        problems.append('the page needs exactly one <html lang="en-GB">')
    if not any(
        meta.attrs.get("http-equiv", "").lower() == "content-security-policy"
        and "default-src 'none'" in meta.attrs.get("content", "")
        for meta in page.elements("meta")
    ):
        problems.append("no Content-Security-Policy meta with default-src 'none'")
    if not page.elements("title") or not page.elements("title")[0].all_text().strip():
        problems.append("no <title>")
    if "@media print" not in page.styles:
        problems.append("no @media print styles")
    if CSS_URL.search(page.styles) or "@import" in page.styles:
        problems.append("the CSS refers to an outside resource (url() or @import)")

    ids: dict[str, int] = {}
    for element in page.order:
        if element.tag in FORBIDDEN_TAGS:
            problems.append(f"forbidden element <{element.tag}>")
        for name, value in element.attrs.items():
            if name.startswith("on"):
                problems.append(f"event handler attribute {name}= on <{element.tag}>")
            if name in URL_ATTRIBUTES and (EXTERNAL.match(value) or ":" in value.split("#")[0]):
                problems.append(f"<{element.tag} {name}={value!r}> points outside the page")
            if name == "style" and CSS_URL.search(value):
                problems.append(f"inline style with url() on <{element.tag}>")
            if name == "fill" and value.startswith("url(") and not value.startswith("url(#"):
                problems.append(f"fill={value!r} points outside the page")
        if "id" in element.attrs:
            ids[element.attrs["id"]] = ids.get(element.attrs["id"], 0) + 1
    problems += [f"id {key!r} is used {count} times" for key, count in ids.items() if count > 1]

    headings = [
        (int(element.tag[1]), element.all_text())
        for element in page.order
        if re.fullmatch(r"h[1-6]", element.tag)
    ]
    if [level for level, _ in headings].count(1) != 1:
        problems.append("there must be exactly one <h1>")
    if headings and headings[0][0] != 1:
        problems.append("the first heading must be the <h1>")
    for (before, _), (after, text) in itertools.pairwise(headings):
        if after > before + 1:
            problems.append(f"heading level jumps from h{before} to h{after} at {text!r}")
    for level, text in headings:
        if not text.strip():
            problems.append(f"an empty h{level}")

    for table in page.elements("table"):
        headers = table.find_all("th")
        if not headers:
            problems.append("a <table> without <th>")
        problems += [
            f"<th> {th.all_text()!r} has no scope"
            for th in headers
            if th.attrs.get("scope") not in ("col", "row", "colgroup", "rowgroup")
        ]

    for svg in page.elements("svg"):
        problems += _svg_problems(svg, ids)
    return problems


def _svg_problems(svg: Element, ids: dict[str, int]) -> list[str]:
    problems: list[str] = []
    if svg.attrs.get("role") != "img":
        problems.append('an <svg> without role="img"')
    if "xmlns" in svg.attrs:
        problems.append("an inline <svg> carries an xmlns URL (not needed in HTML)")
    titles = [child for child in svg.children if child.tag == "title"]
    if not titles or not titles[0].all_text().strip():
        problems.append("an <svg> without a <title> as its first-level child")
    for attribute in ("aria-labelledby", "aria-describedby"):
        reference = svg.attrs.get(attribute)
        if not reference:
            problems.append(f"an <svg> without {attribute}")
        elif any(part not in ids for part in reference.split()):
            problems.append(f"<svg {attribute}={reference!r}> points to a missing id")
    labelled = svg.attrs.get("aria-labelledby", "")
    if titles and titles[0].attrs.get("id") not in labelled.split():
        problems.append("an <svg>'s aria-labelledby does not name its <title>")
    figure = next((node for node in svg.ancestors() if node.tag == "figure"), None)
    if figure is None or not figure.find_all("figcaption"):
        problems.append("an <svg> not inside a <figure> with a <figcaption>")
    else:
        section = next((node for node in figure.ancestors() if node.tag == "section"), None)
        if section is None or not section.find_all("table"):
            problems.append("an <svg> chart without a data table in its section")
    return problems


# -- headless Chromium ---------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium_console(path: Path, profile: Path) -> tuple[str, list[str]]:
    """Load ``path`` in headless Chromium: the DOM it ends with and any console messages."""
    assert CHROMIUM is not None
    completed = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            path.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    console = [line for line in completed.stderr.splitlines() if ":CONSOLE" in line]
    return completed.stdout, console


def print_to_pdf(path: Path, pdf: Path, profile: Path) -> None:
    """Print ``path`` to ``pdf`` with headless Chromium, as a browser's "Save as PDF" does
    (its print CSS, no header or footer)."""
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            path.resolve().as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )


def pdf_pages(pdf: Path) -> tuple[int, str]:
    """(number of pages, page size as pdfinfo says it, e.g. "594.96 x 841.92 pts (A4)").

    Uses poppler's ``pdfinfo`` when it is installed; otherwise counts the PDF's page objects
    and reads the first MediaBox, which is all Chromium's uncompressed page tree needs.
    """
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is not None:
        out = subprocess.run(
            [pdfinfo, str(pdf)], capture_output=True, text=True, timeout=60, check=True
        ).stdout
        fields = dict(line.split(":", 1) for line in out.splitlines() if ":" in line)
        return int(fields["Pages"].strip()), fields["Page size"].strip()
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    width, height = (float(box.group(1)), float(box.group(2))) if box else (0.0, 0.0)
    size = "(A4)" if abs(width - 595) < 2 and abs(height - 842) < 2 else ""
    return pages, f"{width:g} x {height:g} pts {size}".strip()
