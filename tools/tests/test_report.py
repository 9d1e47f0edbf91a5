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
    links = re.findall(r'href="([^"]+\.html)"', index)
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
