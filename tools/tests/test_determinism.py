"""Two executions of every notebook give byte-identical outputs.

Compares the executed notebooks of this `make test` run (build/executed) with a second execution
in fresh kernels: every cell's outputs (text, figures as PNG bytes, their text fallbacks, errors)
and execution counts must be identical. Only what records the run itself is left out: the cells'
`execution` timing metadata and the notebook-level metadata. Nothing in the notebooks prints
timings, and a figure's text fallback is its title (gdkit.plot.Figure), not an object hash."""
import json
import re
from pathlib import Path

import pytest

import run_notebooks

ROOT = Path(__file__).resolve().parents[2]
FIRST = ROOT / "build" / "executed"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
OBJECT_HASH = re.compile(r"\b[A-Za-z_$][\w$.]*@[0-9a-f]{5,8}\b")


def outputs(path: Path):
    """(cell index, execution count, outputs as canonical JSON) for every code cell."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [(i, cell.get("execution_count"), json.dumps(cell.get("outputs", []), sort_keys=True, ensure_ascii=False))
            for i, cell in enumerate(nb["cells"]) if cell["cell_type"] == "code"]


@pytest.fixture(scope="module")
def second(tmp_path_factory):
    if not (FIRST / "status.json").is_file():
        pytest.fail("build/executed/status.json missing: run `make notebooks` first (make test does)")
    out = tmp_path_factory.mktemp("second")
    run_notebooks.main(["--out", str(out)])
    return out


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_no_output_carries_an_object_hash(name):
    for i, count, text in outputs(FIRST / name):
        hit = OBJECT_HASH.search(text)
        assert hit is None, f"{name}, cell {i}: output holds '{hit.group(0)}', which changes on every run"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_second_run_gives_byte_identical_outputs(second, name):
    a, b = outputs(FIRST / name), outputs(second / name)
    assert len(a) == len(b), f"{name}: {len(a)} code cells in the first run, {len(b)} in the second"
    for (i, count_a, out_a), (_, count_b, out_b) in zip(a, b):
        assert count_a == count_b, f"{name}, cell {i}: execution count {count_a} vs {count_b}"
        if out_a != out_b:
            k = next(k for k in range(min(len(out_a), len(out_b))) if out_a[k] != out_b[k]) \
                if any(x != y for x, y in zip(out_a, out_b)) else min(len(out_a), len(out_b))
            pytest.fail(f"{name}, cell {i}: outputs differ between runs at character {k}:\n"
                        f"{out_a[max(0, k - 100):k + 200]}\n---\n{out_b[max(0, k - 100):k + 200]}")
