"""Build the HTML report from the executed notebooks.

    python tools/build_report.py [--executed build/executed] [--out report]

Reads the executed notebooks and `status.json` written by run_notebooks.py, converts each notebook
to one HTML page (nbconvert, the lab template with the figures embedded as PNG), and writes
`index.html` with a table of contents. The report opens offline: nothing is loaded from the
network (MathJax is copied into report/assets from the pinned `django-static-mathjax` package).
A notebook that failed still gets its page, marked as failed with its error.
"""
import argparse
import html
import json
import shutil
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
    for i, status in enumerate(statuses):
        nb = nbformat.read(executed / status["notebook"], as_version=4)
        title = status.get("title") or status["notebook"]
        nb.metadata["title"] = title
        resources = {"gdkit": {
            "previous": pages[i - 1] if i > 0 else None,
            "next": pages[i + 1] if i + 1 < len(pages) else None,
            "failure": None if status["ok"] else failure_text(status),
        }}
        body, _ = exporter.from_notebook_node(nb, resources=resources)
        (out / pages[i]).write_text(body, encoding="utf-8")
        state = ('<span class="ok">passed</span>' if status["ok"]
                 else f'<span class="failed">failed</span><div class="err">{html.escape(failure_text(status))}</div>')
        rows.append(f'<tr><td class="num">{i + 1}</td><td><a href="{pages[i]}">{html.escape(title)}</a>'
                    f'{summary(nb)}</td><td>{state}</td></tr>')
    failed = sum(1 for s in statuses if not s["ok"])
    verdict = ("all notebooks passed" if failed == 0 else f"{failed} of {len(statuses)} notebooks failed")
    (out / "index.html").write_text(INDEX.format(rows="\n".join(rows), verdict=verdict), encoding="utf-8")
    print(f"report written: {out / 'index.html'} ({len(statuses)} notebooks, {verdict})")
    return 0


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
</style>
</head>
<body>
<h1>gdkit</h1>
<p class="sub">Gradient descent in Java: how training works, how it blows up, and how to fix it.</p>
<p>Executed notebooks, {verdict}. Each page is the notebook as it ran, with every figure and every
checked claim (&#10004;). Start at 1; each notebook builds on the ones before.</p>
<table>
{rows}
</table>
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
