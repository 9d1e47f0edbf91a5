"""Store notebooks the way JupyterLab saves them for the Java kernel, so opening one changes nothing.

    python tools/normalize_notebooks.py [NOTEBOOK ...] [--check]

JupyterLab rewrites a notebook on its first autosave: the kernel's `language_info` (as the JJava
kernel reports it in its kernel_info reply) replaces the stored one, and the file is written by
nbformat (keys sorted, one-space indent). This script does the same once, for every
notebooks/*.ipynb (or the ones given): it asks the installed `java` kernel for its language_info,
sets the kernelspec of the installed kernel, clears outputs and execution counts (notebooks are
committed without them) and writes the file with nbformat. Cell sources are never changed.
With --check it changes nothing and exits 1 if a notebook would change.
"""
import argparse
import json
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
KERNEL = "java"


def kernel_language_info(kernel: str = KERNEL) -> dict:
    """The language_info the kernel reports (what JupyterLab stores on save)."""
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=120)
    try:
        return dict(kc.kernel_info(reply=True, timeout=120)["content"]["language_info"])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def kernelspec(kernel: str = KERNEL) -> dict:
    from jupyter_client.kernelspec import KernelSpecManager
    spec = KernelSpecManager().get_kernel_spec(kernel)
    return {"display_name": spec.display_name, "language": spec.language, "name": kernel}


def normalized(path: Path, language_info: dict, spec: dict) -> str:
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = spec
    nb.metadata["language_info"] = language_info
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="only report notebooks that would change")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    info, spec = kernel_language_info(), kernelspec()
    print("language_info reported by the kernel:", json.dumps(info, sort_keys=True))
    changed = []
    for path in paths:
        text = normalized(path, info, spec)
        if text != path.read_text(encoding="utf-8"):
            changed.append(path.name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    verb = "would change" if args.check else "rewrote"
    print(f"{verb} {len(changed)} of {len(paths)} notebooks" + (": " + ", ".join(changed) if changed else ""))
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
