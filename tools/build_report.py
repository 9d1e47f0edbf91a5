"""Build the HTML report from the executed notebooks.

    python tools/build_report.py [--executed build/executed] [--out report]

Reads the executed notebooks and `status.json` written by run_notebooks.py, converts each notebook
to one HTML page (nbconvert, the lab template with the figures embedded as PNG, each with a
numbered caption and its title as alt text), and writes `index.html` with a table of contents,
`claims.html` with every checked claim of every notebook and the numbers it measured, and
`glossary.html` (each term with a one-line definition and its Chinese name, from
report_template/glossary.tsv). The report opens offline: nothing is loaded from the network
(MathJax is copied into report/assets from the pinned `django-static-mathjax` package). A notebook
that failed still gets its page, marked as failed with its error.
"""
import argparse
import base64
import html
import json
import re
import shutil
import struct
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters.markdown import markdown2html

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "report_template"


def mathjax_script() -> Path:
    import mathjax  # provided by the django-static-mathjax package (MathJax 3, Apache-2.0)
    path = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5" / "tex-svg.js"
    if not path.is_file():
        raise SystemExit(f"MathJax not found at {path}; reinstall requirements.txt")
    return path


def summary(nb) -> str:
    """The notebook's first paragraph after its title, as HTML (math left for MathJax), for the contents page."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        paragraphs = [p.strip() for p in cell.source.split("\n\n") if p.strip()]
        for p in paragraphs:
            if not p.startswith("#"):
                return markdown2html(p.replace("\n", " "))
        break
    return ""


# A claim line as gdkit.check.Check prints it: "✔ <claim>" and, for a check of numbers,
# "  [measured ...]" at the end; a failed claim is an error whose value holds "CLAIM FAILED: <claim>".
HELD = re.compile(r"^\u2714 (?P<claim>.*?)(?:  \[(?P<measured>measured .*)\])?$")
FAILED = re.compile(r"CLAIM FAILED: (?P<claim>.*?)(?:  \[(?P<measured>measured .*)\])?$", re.M)


def claims(nb) -> list:
    """Every claim a notebook checked, in order: {cell, claim, measured, held}."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stdout":
                for line in output.get("text", "").splitlines():
                    m = HELD.match(line)
                    if m:
                        found.append({"cell": index, "claim": m["claim"], "measured": m["measured"] or "", "held": True})
            elif output.get("output_type") == "error":
                m = FAILED.search(output.get("evalue", ""))
                if m:
                    found.append({"cell": index, "claim": m["claim"], "measured": m["measured"] or "", "held": False})
    return found


def png_width(data: str) -> int:
    """The width in pixels of a base64 PNG (from its IHDR chunk)."""
    return struct.unpack(">I", base64.b64decode(data[:48])[16:20])[0]


def annotate(nb) -> int:
    """Numbers the cells (for #cell-N anchors) and the figures (caption and alt text from the
    figure's title, its text/plain form); returns the number of figures."""
    count = 0
    for index, cell in enumerate(nb.cells):
        cell.metadata["gdkit_index"] = index
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            data = output.get("data", {})
            if "image/png" not in data:
                continue
            count += 1
            text = data.get("text/plain", "")
            title = text.removeprefix("Figure: ").strip() if text.startswith("Figure: ") else ""
            title = title or f"figure in cell {index}"
            # shown at half its pixel width: figures are rendered at twice their size for sharpness
            output.setdefault("metadata", {})["gdkit_figure"] = {
                "number": count, "title": title, "alt": title,
                "width": max(1, png_width(data["image/png"]) // 2)}
    return count


def failure_text(status: dict) -> str:
    err = status.get("error") or {}
    where = f"cell {err.get('cell')}" if err.get("cell") is not None else "before any cell ran"
    return f"{err.get('kind', 'error')} in {where}: {err.get('ename', '')}: {err.get('evalue', '')}".strip()


def build(executed: Path, out: Path) -> int:
    status_file = executed / "status.json"
    if not status_file.is_file():
        print(f"error: {status_file} not found; run tools/run_notebooks.py first", file=sys.stderr)
        return 1
    statuses = json.loads(status_file.read_text())
    if out.exists():
        shutil.rmtree(out)
    (out / "assets").mkdir(parents=True)
    shutil.copy(mathjax_script(), out / "assets" / "tex-svg.js")

    exporter = HTMLExporter(template_name="gdkit", extra_template_basedirs=[str(TEMPLATES)],
                            embed_images=True, exclude_input_prompt=False)
    pages = [s["notebook"].replace(".ipynb", ".html") for s in statuses]
    rows = []
    checked = []
    for i, status in enumerate(statuses):
        nb = nbformat.read(executed / status["notebook"], as_version=4)
        title = status.get("title") or status["notebook"]
        nb.metadata["title"] = title
        found = claims(nb)
        checked.append((pages[i], title, status, found))
        annotate(nb)
        resources = {"gdkit": {
            "previous": pages[i - 1] if i > 0 else None,
            "next": pages[i + 1] if i + 1 < len(pages) else None,
            "failure": None if status["ok"] else failure_text(status),
        }}
        body, _ = exporter.from_notebook_node(nb, resources=resources)
        (out / pages[i]).write_text(report_links(body), encoding="utf-8")
        state = ('<span class="ok">passed</span>' if status["ok"]
                 else f'<span class="failed">failed</span><div class="err">{html.escape(failure_text(status))}</div>')
        held = sum(1 for c in found if c["held"])
        rows.append(f'<tr><td class="num">{i + 1}</td><td><a href="{pages[i]}">{html.escape(title)}</a>'
                    f'{summary(nb)}</td><td>{state}<div class="claims"><a href="claims.html#{anchor(pages[i])}">'
                    f'{held} claims checked</a></div></td></tr>')
    failed = sum(1 for s in statuses if not s["ok"])
    verdict = ("all notebooks passed" if failed == 0 else f"{failed} of {len(statuses)} notebooks failed")
    total = sum(1 for *_, found in checked for c in found if c["held"])
    broken = sum(1 for *_, found in checked for c in found if not c["held"])
    counts = f"{total} claims checked and held" + (f", {broken} failed" if broken else "")
    (out / "index.html").write_text(INDEX.format(rows="\n".join(rows), verdict=verdict, counts=counts),
                                    encoding="utf-8")
    (out / "claims.html").write_text(claims_page(checked, counts), encoding="utf-8")
    (out / "glossary.html").write_text(glossary_page(), encoding="utf-8")
    print(f"report written: {out / 'index.html'} ({len(statuses)} notebooks, {verdict}; {counts})")
    return 0


def report_links(body: str) -> str:
    """Links between notebooks (`02-x.ipynb#section`, right in JupyterLab) point to the report's pages."""
    return re.sub(r'href="(\d\d-[\w.-]+?)\.ipynb(#[^"]*)?"', lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)


def anchor(page: str) -> str:
    return "nb-" + page.removesuffix(".html")


def claims_page(checked, counts: str) -> str:
    sections = []
    for page, title, status, found in checked:
        items = []
        for c in found:
            mark = '<span class="ok">&#10004;</span>' if c["held"] else '<span class="failed">&#10008; failed</span>'
            numbers = f'<div class="measured">{html.escape(c["measured"])}</div>' if c["measured"] else ""
            items.append(f'<tr><td class="mark">{mark}</td><td>{html.escape(c["claim"])}{numbers}</td>'
                         f'<td class="cell"><a href="{page}#cell-{c["cell"]}">cell {c["cell"]}</a></td></tr>')
        note = "" if status["ok"] else ('<p class="failed">This notebook failed; claims after the failure '
                                        'were not checked.</p>')
        held = sum(1 for c in found if c["held"])
        sections.append(f'<h2 id="{anchor(page)}"><a href="{page}">{html.escape(title)}</a> '
                        f'<span class="count">{held} of {len(found)} held</span></h2>{note}'
                        f'<table>{"".join(items) or "<tr><td>no checked claims</td></tr>"}</table>')
    return PAGE.format(title="Checked claims", body=f"""<h1>Checked claims</h1>
<p class="sub">{counts}. Every statement below was checked by the notebook when this report was built,
with the numbers it measured on this run. A check fails the notebook when the claim stops being
true, e.g. after a learner changes a parameter.</p>
{"".join(sections)}""")


def glossary_page() -> str:
    rows = []
    for line in (TEMPLATES / "glossary.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, chinese, definition = line.split("\t")
        rows.append(f'<tr><td class="term" id="{html.escape(slug(term))}">{html.escape(term)}</td>'
                    f'<td class="zh" lang="zh">{html.escape(chinese)}</td><td>{html.escape(definition)}</td></tr>')
    return PAGE.format(title="Glossary", body=f"""<h1>Glossary</h1>
<p class="sub">The technical terms of the kit, each with a one-line definition and its Chinese name
(the articles this kit grew from are Chinese; many readers know the Chinese term first).</p>
<table class="glossary"><tr><th>term</th><th>中文</th><th>meaning</th></tr>
{"".join(rows)}
</table>""")


def slug(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>gdkit: gradient descent, explosions and fixes</title>
<script>window.MathJax = {{tex: {{inlineMath: [['$', '$']]}}, svg: {{fontCache: 'global'}}}};</script>
<script src="assets/tex-svg.js"></script>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 880px; margin: 40px auto;
  padding: 0 20px; color: #222; line-height: 1.5; }}
h1 {{ margin-bottom: 4px; }}
.sub {{ color: #555; margin-top: 0; }}
table {{ border-collapse: collapse; width: 100%; margin-top: 24px; }}
td {{ border-top: 1px solid #ddd; padding: 12px 8px; vertical-align: top; }}
td.num {{ color: #888; width: 2em; font-size: 20px; }}
td a {{ font-size: 18px; color: #0060a0; text-decoration: none; font-weight: 600; }}
td p {{ margin: 4px 0 0; color: #444; font-size: 14px; }}
td code {{ font-size: 13px; }}
.ok {{ color: #1b7f3b; font-weight: 600; }}
.failed {{ color: #c62828; font-weight: 600; }}
.err {{ color: #7f0000; font-size: 12px; max-width: 260px; }}
.claims a {{ font-size: 13px; font-weight: normal; }}
.links a {{ color: #0060a0; font-weight: 600; }}
</style>
</head>
<body>
<h1>gdkit</h1>
<p class="sub">Gradient descent in Java: how training works, how it blows up, and how to fix it.</p>
<p>Executed notebooks, {verdict}. Each page is the notebook as it ran, with every figure and every
checked claim (&#10004;). Start at 1; each notebook builds on the ones before.</p>
<p class="links"><a href="claims.html">Checked claims</a>: {counts} on this run.
&nbsp;&middot;&nbsp; <a href="glossary.html">Glossary</a>: every term with its Chinese name (术语表).</p>
<table>
{rows}
</table>
</body>
</html>
"""


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>gdkit: {title}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 960px; margin: 0 auto;
  padding: 0 20px 40px; color: #222; line-height: 1.5; }}
nav {{ font-size: 14px; padding: 10px 0; border-bottom: 1px solid #ddd; display: flex; gap: 18px; }}
nav.bottom {{ border-top: 1px solid #ddd; border-bottom: none; margin-top: 32px; }}
nav a, h2 a, td a {{ color: #0060a0; text-decoration: none; }}
.sub {{ color: #555; }}
h2 {{ font-size: 20px; margin-top: 32px; }}
.count {{ font-size: 14px; color: #666; font-weight: normal; margin-left: 8px; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-top: 1px solid #e4e4e4; padding: 6px 8px; vertical-align: top; text-align: left; font-size: 14px; }}
td.mark {{ width: 1.5em; }}
td.cell {{ white-space: nowrap; font-size: 12px; }}
.measured {{ font-family: ui-monospace, monospace; font-size: 12px; color: #555; }}
.ok {{ color: #1b7f3b; font-weight: 600; }}
.failed {{ color: #c62828; font-weight: 600; }}
td.term {{ font-weight: 600; white-space: nowrap; }}
td.zh {{ white-space: nowrap; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
  "Microsoft YaHei", sans-serif; }}
</style>
</head>
<body>
<nav><a href="index.html">&#8617; Contents</a><a href="claims.html">Checked claims</a><a href="glossary.html">Glossary</a></nav>
{body}
<nav class="bottom"><a href="index.html">&#8617; Contents</a><a href="claims.html">Checked claims</a><a href="glossary.html">Glossary</a></nav>
</body>
</html>
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--executed", type=Path, default=ROOT / "build" / "executed")
    parser.add_argument("--out", type=Path, default=ROOT / "report")
    args = parser.parse_args(argv)
    return build(args.executed, args.out)


if __name__ == "__main__":
    sys.exit(main())
