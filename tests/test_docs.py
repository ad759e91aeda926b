"""The README and docs/: every relative link and picture points at a file of the repository (and a `#...` at a
heading of it), nothing points outside the repository, the README stays short and links every page, and it
keeps the test command CI runs (.ci/run reads it from between the <!-- test-command --> markers)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
README_LIMIT = 6000  # bytes: the README says what the app is and how to start; the rest lives in docs/

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>\n]*>|[^)\s]*)(?:\s+\"[^\"\n]*\")?\s*\)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
_HTML_TARGET = re.compile(r"<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_HTML_ID = re.compile(r"<[a-z]+\b[^>]*?\b(?:id|name)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_OUTSIDE_TEXT = ("../shared", "/work/")  # the team's own files are not the project's to cite


def _prose(text: str) -> str:
    """The text with fenced code blocks and code spans blanked out (same length and line breaks, so offsets
    still give line numbers): a `[--id EXT] (...)` in code is not a link."""
    lines, inside = [], False
    for line in text.split("\n"):
        fence = bool(_FENCE.match(line))
        lines.append("" if inside or fence else line)
        if fence:
            inside = not inside
    prose = "\n".join(lines)
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", "x", m.group(0)), prose)


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: link text kept, code marks and punctuation dropped, lower case,
    spaces to hyphens (Chinese kept)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading).lower()
    kept = "".join(ch for ch in text if ch.isalnum() or ch in " -_" or unicodedata.category(ch).startswith("M"))
    return kept.replace(" ", "-")


def anchors(text: str) -> set[str]:
    """Every `#...` a link may point at in a Markdown text: its headings' slugs (a repeated one gets -1, -2, …)
    and any HTML id/name."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    inside = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            inside = not inside
            continue
        match = None if inside else _HEADING.match(line)
        if match:
            base = slug(match.group(1))
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
    found.update(_HTML_ID.findall(text))
    return found


def targets(text: str) -> list[tuple[int, str]]:
    """(line, target) of every link, picture, reference definition and HTML href/src outside code, in the order
    they come."""
    prose = _prose(text)
    found = []
    for pattern in (_INLINE_LINK, _REFERENCE, _HTML_TARGET):
        for match in pattern.finditer(prose):
            target = match.group(1).strip()
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1]
            found.append((match.start(1), target))
    return [(prose.count("\n", 0, start) + 1, target) for start, target in sorted(found)]


def link_problems(path: Path, root: Path = ROOT) -> list[str]:
    """What is wrong with the links of one Markdown file, each as `file:line: message`."""
    text = path.read_text(encoding="utf-8")
    root = root.resolve()
    name = path.resolve().relative_to(root).as_posix()
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        for outside in _OUTSIDE_TEXT:
            if outside in line:
                problems.append(f"{name}:{number}: cites {outside!r}, outside the repository")
    for number, target in targets(text):
        where = f"{name}:{number}: {target!r}"
        if not target:
            problems.append(f"{where}: empty link")
            continue
        if target.startswith("//") or target.lower().startswith("file:"):
            problems.append(f"{where}: leaves the repository")
            continue
        if _SCHEME.match(target):
            continue  # a web address, mailto: … — not a file of the repository
        file_part, _, anchor = target.partition("#")
        file_part = unquote(file_part.split("?")[0])
        if file_part.startswith("/"):
            problems.append(f"{where}: an absolute path leaves the repository")
            continue
        resolved = (path.parent / file_part).resolve() if file_part else path.resolve()
        if resolved != root and root not in resolved.parents:
            problems.append(f"{where}: leaves the repository")
            continue
        if not resolved.exists():
            problems.append(f"{where}: no such file")
            continue
        if not anchor or not resolved.is_file() or resolved.suffix.lower() != ".md":
            continue
        if unquote(anchor) not in anchors(resolved.read_text(encoding="utf-8")):
            problems.append(f"{where}: no heading #{unquote(anchor)} in {resolved.name}")
    return problems


def readme_test_command(readme: str) -> str:
    """What .ci/run runs: the lines between the markers, without the code fence (as its awk does)."""
    lines, inside = [], False
    for line in readme.split("\n"):
        if "<!-- test-command -->" in line:
            inside = True
            continue
        if "<!-- /test-command -->" in line:
            inside = False
        if inside and not line.startswith("```"):
            lines.append(line)
    return "\n".join(lines).strip()


def _pages() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def test_every_link_and_picture_of_the_readme_and_docs_points_into_the_repository():
    assert DOCS.is_dir()
    problems = [problem for page in _pages() for problem in link_problems(page)]
    assert problems == []


def test_the_checker_catches_broken_links_bad_anchors_and_links_out_of_the_repository(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "shot.png").write_bytes(b"png")
    (tmp_path / "docs" / "other.md").write_text("# Other page\n\n## The rules (规则)\n", encoding="utf-8")
    page = tmp_path / "docs" / "page.md"
    page.write_text(
        "# Page\n"
        "\n"
        "Good: [other](other.md), [rules](other.md#the-rules-规则), [here](#page), [web](https://example.com),\n"
        "![a picture](../pictures/shot.png), `[not](a-link.md)`.\n"
        "\n"
        "```\n"
        "[also not](inside-a-fence.md)\n"
        "```\n"
        "\n"
        "Bad: [gone](missing.md) and ![gone too](../pictures/missing.png)\n"
        "[no heading](other.md#the-rule) [no heading here](#nowhere)\n"
        "[outside](../../shared/RULES.md) [absolute](/etc/passwd)\n"
        "the spec is in /work/shared/SCHEDULES.md\n",
        encoding="utf-8",
    )
    problems = link_problems(page, tmp_path)
    assert problems == [
        "docs/page.md:12: cites '../shared', outside the repository",
        "docs/page.md:13: cites '/work/', outside the repository",
        "docs/page.md:10: 'missing.md': no such file",
        "docs/page.md:10: '../pictures/missing.png': no such file",
        "docs/page.md:11: 'other.md#the-rule': no heading #the-rule in other.md",
        "docs/page.md:11: '#nowhere': no heading #nowhere in page.md",
        "docs/page.md:12: '../../shared/RULES.md': leaves the repository",
        "docs/page.md:12: '/etc/passwd': an absolute path leaves the repository",
    ]


def test_slugs_are_githubs():
    assert slug("Importing and exporting (导入与导出)") == "importing-and-exporting-导入与导出"
    assert slug("Credit health: the article's rules, the score") == "credit-health-the-articles-rules-the-score"
    assert slug("Why `numpy` is [there](x.md)") == "why-numpy-is-there"
    assert anchors("# A\n## A\n```\n# not a heading\n```\n") == {"a", "a-1"}


def test_the_readme_keeps_the_test_command_ci_runs():
    readme = README.read_text(encoding="utf-8")
    assert readme.count("<!-- test-command -->") == 1
    assert readme.count("<!-- /test-command -->") == 1
    command = readme_test_command(readme)
    assert command
    assert "\n" not in command
    assert "pytest" in command
    assert readme_test_command("# No markers\n\n```sh\npytest\n```\n") == ""
    assert readme_test_command("<!-- test-command -->\n```sh\n```\n<!-- /test-command -->\n") == ""


def test_the_readme_stays_short_and_links_every_docs_page():
    readme = README.read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) < README_LIMIT
    linked = {
        (README.parent / unquote(target.partition("#")[0])).resolve()
        for _, target in targets(readme)
        if not _SCHEME.match(target)
    }
    unlinked = [page.name for page in sorted(DOCS.glob("*.md")) if page.resolve() not in linked]
    assert unlinked == []
