"""Committed notebooks: no outputs, the Java kernel, no network access, the shared structure, and
stored as JupyterLab saves them (so opening a notebook in JupyterLab does not change the file)."""
import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
NETWORK = re.compile(r"%maven|%%?loadFromPOM|%jars\s+https?:|https?://|new\s+URL\s*\(|URI\.create\s*\(|HttpClient|openStream\s*\(")


def cells(path, kind):
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [c for c in nb["cells"] if c["cell_type"] == kind]


def source(cell):
    return "".join(cell["source"])


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks in notebooks/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    dirty = [i for i, c in enumerate(cells(path, "code")) if c.get("outputs") or c.get("execution_count") is not None]
    assert not dirty, f"{path.name}: code cells {dirty} carry outputs or execution counts; clear them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_kernel_is_java(path):
    spec = json.loads(path.read_text(encoding="utf-8"))["metadata"].get("kernelspec", {})
    assert spec.get("name") == "java" and spec.get("language") == "java", f"{path.name}: kernelspec is {spec}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_network_access_in_code(path):
    for i, cell in enumerate(cells(path, "code")):
        hit = NETWORK.search(source(cell))
        assert hit is None, f"{path.name}, code cell {i}: '{hit.group(0)}' would reach the network at run time"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_uses_only_magics_both_kernels_understand(path):
    for i, cell in enumerate(cells(path, "code")):
        for line in source(cell).splitlines():
            if line.lstrip().startswith("%"):
                magic = line.split()[0]
                assert magic == "%classpath", f"{path.name}, code cell {i}: {magic} (use only %classpath)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_structure_title_setup_checks_exercises(path):
    md = [source(c) for c in cells(path, "markdown")]
    code = [source(c) for c in cells(path, "code")]
    assert md and md[0].startswith("# "), f"{path.name}: must open with a '# ' title cell"
    assert "What you will learn" in md[0], f"{path.name}: the first cell must say what the reader will learn"
    assert any("../target/gdkit.jar" in c and "make jar" in c for c in code[:2]), \
        f"{path.name}: must check the jar exists (and say `make jar`) before %classpath"
    assert any(c.strip() == "%classpath ../target/gdkit.jar" for c in code[:3]), f"{path.name}: no %classpath cell"
    assert sum(len(re.findall(r"\bcheck(Near|Less)?\(", c)) for c in code) >= 5, f"{path.name}: too few check(...) claims"
    ex = [m for m in md if m.lstrip().startswith("## Exercises") or "\n## Exercises" in m]
    assert ex, f"{path.name}: no '## Exercises' section"
    text = ex[-1].split("## Exercises", 1)[1]
    assert len(re.findall(r"^\s*\d+\.", text, flags=re.M)) >= 3, f"{path.name}: fewer than 3 exercises"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_as_nbformat_writes_it(path):
    text = path.read_text(encoding="utf-8")
    canonical = nbformat.writes(nbformat.read(path, as_version=4)) + "\n"
    assert text == canonical, (f"{path.name}: not stored as nbformat (and so JupyterLab) writes it; "
                               "run `.venv/bin/python tools/normalize_notebooks.py`")


@pytest.fixture(scope="module")
def reported_language_info():
    from normalize_notebooks import kernel_language_info
    return kernel_language_info()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_language_info_is_what_the_kernel_reports(path, reported_language_info):
    stored = json.loads(path.read_text(encoding="utf-8"))["metadata"].get("language_info", {})
    hint = "run `.venv/bin/python tools/normalize_notebooks.py`"
    # the exact Java version differs between machines; its major version must match
    assert stored.get("version", "").split(".")[0] == reported_language_info["version"].split(".")[0], \
        f"{path.name}: language_info.version {stored.get('version')!r}, kernel runs Java {reported_language_info['version']}"
    same = {k: v for k, v in stored.items() if k != "version"}
    expected = {k: v for k, v in reported_language_info.items() if k != "version"}
    assert same == expected, f"{path.name}: language_info {same} differs from the kernel's {expected}; {hint}"
