#!/usr/bin/env python3
"""Times weir's interpreter beside a numpy vectorised band split of the same predictions.

Runs `weir bench gen` to write the synthetic predictions `weir bench run` uses, loads them into
numpy arrays (not timed), times the reference workflow's band split in numpy (accept: confidence
> 0.95; review: 0.5 < confidence <= 0.95; counted per concept), then runs `weir bench run` on the
same data shape and prints both figures and their ratio.

    python3 scripts/bench-numpy.py --weir .build/release/weir [--images 10000 --regions 10]
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def load(path):
    conf, concept = [], []
    names = {}
    with open(path) as f:
        for line in f:
            for region in json.loads(line)["regions"]:
                for c in region["data"]["concepts"]:
                    conf.append(c["value"])
                    concept.append(names.setdefault(c["id"], len(names)))
    return np.array(conf, dtype=np.float64), np.array(concept, dtype=np.int32), len(names)


def band_split(conf, concept, k, accept=0.95, review=0.5):
    sure = conf > accept
    plausible = (conf <= accept) & (conf > review)
    return np.bincount(concept[sure], minlength=k), np.bincount(concept[plausible], minlength=k)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--weir", default=".build/release/weir")
    p.add_argument("--images", type=int, default=10_000)
    p.add_argument("--regions", type=int, default=10)
    p.add_argument("--repeats", type=int, default=5)
    a = p.parse_args()
    shape = ["--images", str(a.images), "--regions", str(a.regions)]
    with tempfile.TemporaryDirectory(prefix="weir-bench-numpy-") as folder:
        data = Path(folder) / "predictions.jsonl"
        subprocess.run([a.weir, "bench", "gen", "-o", str(data), *shape], check=True)
        conf, concept, k = load(data)
    best = float("inf")
    for _ in range(a.repeats):
        t = time.perf_counter()
        sure, review = band_split(conf, concept, k)
        best = min(best, time.perf_counter() - t)
    numpy_rate = len(conf) / best
    run = subprocess.run([a.weir, "bench", "run", *shape], check=True, capture_output=True, text=True)
    sys.stdout.write(run.stdout)
    print(f"numpy         {best:8.3f} s  {numpy_rate / 1e6:.2f}M regions/s "
          f"(band split of {len(conf)} regions: {int(sure.sum())} accepted, {int(review.sum())} for review)")
    m = re.search(r"^interpreter .*?([\d.]+)([Mk]?) regions/s", run.stdout, re.M)
    if m:
        weir_rate = float(m.group(1)) * {"M": 1e6, "k": 1e3, "": 1}[m.group(2)]
        print(f"ratio         numpy / weir interpreter = {numpy_rate / weir_rate:.1f}×")


if __name__ == "__main__":
    main()
