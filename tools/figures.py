"""Write every figure of the executed notebooks to build/figures, plus one contact sheet per notebook.

    python tools/figures.py [NOTEBOOK ...] [--executed build/executed] [--out build/figures] [--rerun]

A notebook is executed first (with tools/run_notebooks.py) unless build/executed holds a copy newer
than both the notebook and target/gdkit.jar; --rerun executes it anyway. Each image/png output is
written as NN-cCC.png (NN = the notebook's number, CC = the 0-based cell index, a letter appended
when a cell shows several images); NN-contact.png shows all of a notebook's figures at once, each
labelled with its file name and title, so a reviewer can look at them side by side.
"""
import argparse
import base64
import io
import subprocess
import sys
from pathlib import Path

import nbformat
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
THUMB_WIDTH = 760
COLUMNS = 3


def figures(nb):
    """(name suffix, PNG bytes, title) for every image output, in cell order."""
    out = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        for k, output in enumerate(images):
            suffix = f"c{index:02d}" + ("" if len(images) == 1 else "abcdefghijklmnopqrstuvwxyz"[k])
            title = output["data"].get("text/plain", "")
            title = title.removeprefix("Figure: ") if isinstance(title, str) else ""
            out.append((suffix, base64.b64decode(output["data"]["image/png"]), title))
    return out


def stale(notebook: Path, executed: Path) -> bool:
    if not executed.exists():
        return True
    jar = ROOT / "target" / "gdkit.jar"
    newest = max(notebook.stat().st_mtime, jar.stat().st_mtime if jar.exists() else 0)
    return executed.stat().st_mtime < newest


def font(size):
    for name in ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default()


def contact_sheet(items, heading: str) -> Image.Image:
    """Thumbnails THUMB_WIDTH wide in COLUMNS columns, each with its file name and title above it."""
    label_font, head_font = font(18), font(26)
    thumbs = []
    for name, png, title in items:
        im = Image.open(io.BytesIO(png)).convert("RGB")
        scale = THUMB_WIDTH / im.width
        thumbs.append((name, title, im.resize((THUMB_WIDTH, max(1, round(im.height * scale))), Image.LANCZOS)))
    rows = [thumbs[i:i + COLUMNS] for i in range(0, len(thumbs), COLUMNS)]
    label_h, gap, head_h = 28, 16, 50
    heights = [label_h + max(t[2].height for t in row) + gap for row in rows]
    sheet = Image.new("RGB", (COLUMNS * (THUMB_WIDTH + gap) + gap, head_h + sum(heights)), "white")
    draw = ImageDraw.Draw(sheet)
    draw.text((gap, 12), heading, fill="black", font=head_font)
    y = head_h
    for row, h in zip(rows, heights):
        for col, (name, title, im) in enumerate(row):
            x = gap + col * (THUMB_WIDTH + gap)
            label = f"{name}  {title}"
            while draw.textlength(label, font=label_font) > THUMB_WIDTH and len(label) > 10:
                label = label[:-2]
            draw.text((x, y + 4), label, fill="black", font=label_font)
            sheet.paste(im, (x, y + label_h))
            draw.rectangle([x - 1, y + label_h - 1, x + im.width, y + label_h + im.height], outline=(200, 200, 200))
        y += h
    return sheet


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--executed", type=Path, default=ROOT / "build" / "executed")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "figures")
    parser.add_argument("--rerun", action="store_true", help="execute the notebooks even if executed copies are fresh")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    todo = [p for p in paths if args.rerun or stale(p, args.executed / p.name)]
    if todo:
        subprocess.run([sys.executable, str(ROOT / "tools" / "run_notebooks.py"), *map(str, todo),
                        "--out", str(args.executed)], check=False)
    args.out.mkdir(parents=True, exist_ok=True)
    failed = False
    for path in paths:
        executed = args.executed / path.name
        if not executed.exists():
            print(f"{path.name}: not executed, no figures", file=sys.stderr)
            failed = True
            continue
        number = path.name[:2]
        for old in args.out.glob(f"{number}-c*.png"):
            old.unlink()
        items = figures(nbformat.read(executed, as_version=4))
        for name, png, _ in items:
            (args.out / f"{number}-{name}.png").write_bytes(png)
        if items:
            sheet = contact_sheet([(f"{number}-{n}", p, t) for n, p, t in items], path.stem)
            sheet.save(args.out / f"{number}-contact.png")
        print(f"{path.name}: {len(items)} figures -> {args.out}/{number}-c*.png, {number}-contact.png")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
