"""Convert the Auto MPG data from vega-datasets' cars.json into data/auto-mpg.csv.

Usage (from the project folder):

    cd /tmp && npm pack vega-datasets@3.2.1 && tar xzf vega-datasets-3.2.1.tgz
    python3 data/convert_cars.py /tmp/package/data/cars.json data/auto-mpg.csv

Python standard library only. The output is deterministic: rows keep the order of cars.json,
numbers are written as they appear there, and the same input always gives the same bytes.

What it does:
  * checks the input is the file vega-datasets 3.2.1 ships (its datapackage.json lists the
    git blob SHA-1 1d56d3fa6da01af9ece2d6397892fe5bb6f47c3d for cars.json);
  * renames the columns to the UCI names (mpg, cylinders, ..., model_year, origin);
  * turns Year "1970-01-01" into model_year 70 and Origin USA/Europe/Japan into the UCI codes
    1/2/3, so that every column is numeric;
  * drops the rows with a missing value (8 without mpg, 6 without horsepower: 14 rows) and says
    how many it dropped;
  * drops the car name, which is text.
"""
import hashlib
import json
import sys
from pathlib import Path

EXPECTED_GIT_SHA1 = "1d56d3fa6da01af9ece2d6397892fe5bb6f47c3d"

# (output column, cars.json field)
COLUMNS = [
    ("mpg", "Miles_per_Gallon"),
    ("cylinders", "Cylinders"),
    ("displacement", "Displacement"),
    ("horsepower", "Horsepower"),
    ("weight", "Weight_in_lbs"),
    ("acceleration", "Acceleration"),
    ("model_year", "Year"),
    ("origin", "Origin"),
]
ORIGIN_CODES = {"USA": 1, "Europe": 2, "Japan": 3}


def git_blob_sha1(data: bytes) -> str:
    """The SHA-1 git gives a file's content (the hash datapackage.json lists)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def number(field: str, value) -> str:
    """One cell as text: the UCI codes for Year and Origin, other numbers as written in the JSON."""
    if field == "Year":
        return str(int(value[:4]) - 1900)
    if field == "Origin":
        return str(ORIGIN_CODES[value])
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"field {field}: expected a number, got {value!r}")
    return repr(value)


def convert(source: Path, target: Path) -> None:
    raw = source.read_bytes()
    digest = git_blob_sha1(raw)
    if digest != EXPECTED_GIT_SHA1:
        sys.exit(f"error: {source} has git SHA-1 {digest}, expected {EXPECTED_GIT_SHA1} "
                 f"(the cars.json of vega-datasets 3.2.1)")
    records = json.loads(raw)
    lines = [",".join(name for name, _ in COLUMNS)]
    dropped = 0
    for i, record in enumerate(records):
        if any(record.get(field) is None for _, field in COLUMNS):
            dropped += 1
            continue
        try:
            lines.append(",".join(number(field, record[field]) for _, field in COLUMNS))
        except (ValueError, KeyError) as e:
            sys.exit(f"error: {source}, record {i}: {e}")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"{source}: {len(records)} records; dropped {dropped} with a missing value; "
          f"wrote {len(lines) - 1} rows to {target}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 data/convert_cars.py PATH/TO/cars.json data/auto-mpg.csv")
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
