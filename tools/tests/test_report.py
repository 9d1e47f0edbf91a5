"""The built report (make report / make test build it first): one page per notebook, figures
embedded, nothing loaded from the network, failures marked."""
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "report"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def index():
    path = REPORT / "index.html"
    assert path.is_file(), "report/index.html missing: run `make report` (make test builds it before this check)"
    return path.read_text(encoding="utf-8")


def test_index_links_every_notebook_in_order(index):
    links = [link for link in re.findall(r'href="([^"]+\.html)"', index) if link not in ("claims.html", "glossary.html")]
    assert links == [n.replace(".ipynb", ".html") for n in NOTEBOOKS]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_page_has_figures_checks_and_no_errors(name):
    page = (REPORT / name.replace(".ipynb", ".html")).read_text(encoding="utf-8")
    images = re.findall(r'<img[^>]+src="data:image/png;base64,', page)
    assert len(images) >= 3, f"{name}: only {len(images)} embedded PNG figures"
    assert "\u2714" in page, f"{name}: no checked claim in the page"
    assert "jp-OutputArea-output" in page
    status = {s["notebook"]: s for s in json.loads((ROOT / "build/executed/status.json").read_text())}
    if status[name]["ok"]:
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in page or "Exception" not in page


@pytest.mark.parametrize("name", ["index.html"] + [n.replace(".ipynb", ".html") for n in NOTEBOOKS])
def test_opens_offline(name):
    page = (REPORT / name).read_text(encoding="utf-8")
    remote = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', page)
    assert not remote, f"{name} loads {remote[:3]} from the network"
    if name != "index.html":
        assert 'src="assets/tex-svg.js"' in page, f"{name}: MathJax is not loaded from the report's assets"
    assert (REPORT / "assets" / "tex-svg.js").stat().st_size > 1_000_000


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_figure_has_a_caption_and_alt_text_and_links_at_both_ends(name):
    page = (REPORT / name.replace(".ipynb", ".html")).read_text(encoding="utf-8")
    images = re.findall(r'<img[^>]+src="data:image/png;base64,[^"]*"[^>]*>', page)
    captions = re.findall(r"<figcaption><strong>Figure (\d+)\.</strong> ([^<]+)</figcaption>", page)
    assert len(captions) == len(images), f"{name}: {len(images)} figures but {len(captions)} captions"
    assert [int(n) for n, _ in captions] == list(range(1, len(captions) + 1))
    for img in images:
        alt = re.search(r'alt="([^"]*)"', img)
        assert alt and alt.group(1).strip() and "No description" not in alt.group(1), f"{name}: figure without alt text"
    assert "BufferedImage@" not in page
    contents = re.findall(r'href="index.html">(?:&#8617;|\u21a9) Contents', page)
    assert len(contents) == 2, f"{name}: Contents link not at top and bottom"


def test_claims_page_lists_every_claim_with_its_numbers_and_counts_on_the_index(index):
    claims = (REPORT / "claims.html").read_text(encoding="utf-8")
    from build_report import claims as parse_claims  # the report's own parser
    import nbformat
    total = 0
    for name in NOTEBOOKS:
        executed = ROOT / "build" / "executed" / name
        found = parse_claims(nbformat.read(executed, as_version=4))
        assert found, f"{name}: no claims parsed from the executed notebook"
        anchor = "nb-" + name.replace(".ipynb", "")
        assert f'id="{anchor}"' in claims, f"claims page has no section for {name}"
        assert f'{sum(c["held"] for c in found)} of {len(found)} held' in claims
        total += sum(c["held"] for c in found)
        measured = [c for c in found if c["measured"]]
        assert not measured or measured[0]["measured"].startswith("measured ")
    assert f"{total} claims checked" in index
    assert 'href="claims.html"' in index and 'href="glossary.html"' in index


def test_claim_lines_parse_in_the_format_check_prints():
    from build_report import HELD, FAILED
    m = HELD.match("\u2714 close (within 0.1)  [measured 1.05000, expected 1.00000 \u00b1 0.10]")
    assert m["claim"] == "close (within 0.1)" and m["measured"] == "measured 1.05000, expected 1.00000 \u00b1 0.10"
    assert HELD.match("\u2714 a plain claim")["measured"] is None
    f = FAILED.search("gdkit.check.Check$ClaimFailed: CLAIM FAILED: smaller  [measured 3.00000 is not < 2.00000]")
    assert f["claim"] == "smaller" and f["measured"].startswith("measured 3")


def test_glossary_gives_every_term_a_definition_and_a_chinese_name():
    page = (REPORT / "glossary.html").read_text(encoding="utf-8")
    rows = re.findall(r'<td class="term"[^>]*>([^<]+)</td><td class="zh" lang="zh">([^<]+)</td><td>([^<]+)</td>', page)
    assert len(rows) >= 40
    terms = {t for t, _, _ in rows}
    for needed in ["gradient explosion", "vanishing gradient", "gradient clipping", "learning rate (step size)",
                   "momentum (heavy ball)", "batch normalization", "backpropagation through time (BPTT)",
                   "bfloat16", "loss scaling"]:
        assert needed in terms, f"glossary lacks '{needed}'"
    for term, chinese, definition in rows:
        assert re.search(r"[\u4e00-\u9fff]", chinese), f"{term}: no Chinese name"
        assert len(definition) > 20, f"{term}: definition too short"
    for zh in ["梯度爆炸", "梯度消失", "梯度裁剪", "学习率", "动量", "批归一化"]:
        assert zh in page


def test_every_link_inside_the_report_resolves():
    """Links between and within pages (contents, next, the myths box, section references) reach an
    existing page and, when they name a section, an element with that id on it."""
    pages = {p.name: p.read_text(encoding="utf-8") for p in REPORT.glob("*.html")}
    ids = {name: set(re.findall(r'\sid="([^"]+)"', page)) for name, page in pages.items()}
    broken = []
    for name, page in pages.items():
        for link in re.findall(r'<a\s[^>]*href="([^"]+)"', page):
            if re.match(r"[a-z]+:", link) or link.startswith("assets/"):
                continue
            target, _, fragment = link.partition("#")
            target = target or name
            if target not in pages:
                broken.append(f"{name}: {link} (no page {target})")
            elif fragment and fragment not in ids[target] and html_unescape(fragment) not in ids[target]:
                broken.append(f"{name}: {link} (no id {fragment!r} on {target})")
    assert not broken, "\n".join(broken[:20])


def html_unescape(text):
    import html
    import urllib.parse
    return html.unescape(urllib.parse.unquote(text))


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_long_lines_of_code_and_output_wrap_inside_their_cell(name):
    page = (REPORT / name.replace(".ipynb", ".html")).read_text(encoding="utf-8")
    css = "".join(re.findall(r"<style[^>]*>(.*?)</style>", page, flags=re.S))  # not the page: its images are MBs
    rules = re.findall(r"([^{}]*)\{([^{}]*)\}", css)
    selectors = " ".join(selector for selector, body in rules if re.search(r"white-space:\s*pre-wrap", body))
    assert ".jp-InputArea-editor .highlight pre" in selectors, f"{name}: long code lines run out of their cell"
    assert ".jp-RenderedText pre" in selectors, f"{name}: long output lines run out of their cell"
