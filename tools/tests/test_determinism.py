"""Two executions of every notebook print the same text and draw the same figures.

Compares the executed notebooks of this `make test` run (build/executed) with a second execution
in fresh kernels. Nothing in the notebooks prints timings, so everything must match exactly."""
import hashlib
import json
from pathlib import Path

import pytest

import run_notebooks

ROOT = Path(__file__).resolve().parents[2]
FIRST = ROOT / "build" / "executed"


def outputs(path: Path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for i, cell in enumerate(nb["cells"]):
        for o in cell.get("outputs", []):
            if o["output_type"] == "stream":
                out.append((i, o["name"], "".join(o["text"])))
            elif o["output_type"] in ("execute_result", "display_data"):
                data = o.get("data", {})
                if "text/plain" in data and "image/png" not in data:
                    out.append((i, "text", "".join(data["text/plain"])))
                if "image/png" in data:
                    png = "".join(data["image/png"]) if isinstance(data["image/png"], list) else data["image/png"]
                    out.append((i, "png", hashlib.sha256(png.encode()).hexdigest()))
            elif o["output_type"] == "error":
                out.append((i, "error", o["ename"] + ": " + o["evalue"]))
    return out


@pytest.fixture(scope="module")
def second(tmp_path_factory):
    if not (FIRST / "status.json").is_file():
        pytest.fail("build/executed/status.json missing: run `make notebooks` first (make test does)")
    out = tmp_path_factory.mktemp("second")
    run_notebooks.main(["--out", str(out)])
    return out


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb")))
def test_second_run_prints_and_draws_the_same(second, name):
    a, b = outputs(FIRST / name), outputs(second / name)
    assert len(a) == len(b), f"{name}: {len(a)} outputs in the first run, {len(b)} in the second"
    for x, y in zip(a, b):
        assert x == y, f"{name}, cell {x[0]}: output differs between runs:\n{x[2][:300]}\n---\n{y[2][:300]}"
