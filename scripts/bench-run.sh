#!/usr/bin/env bash
# Benchmark (not a test): `weir run` of replayed COCO detection results into a new SQLite store,
# the whole process, on a release build. Generates IMAGES images × REGIONS detections (10,000 × 10:
# 100,000 regions by default) with cat/dog categories and uniform scores, runs the reference
# workflow over them RUNS times (a fresh store each time), and prints wall and CPU seconds of
# each run, then the fastest. On a shared machine the CPU figure is the steady one.
# Usage: scripts/bench-run.sh [IMAGES] [REGIONS] [RUNS]; WEIR=path times another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
images=${1:-10000}
regions=${2:-10}
runs=${3:-5}
if [ -z "${WEIR:-}" ]; then
  swift build -c release --product weir >/dev/null
  WEIR=.build/release/weir
fi
weir=$(realpath "$WEIR")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

python3 - "$dir" "$images" "$regions" <<'PY'
import json, random, sys
folder, n, r = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(1)
images = [{"id": i + 1, "file_name": "img-%06d.jpg" % (i + 1), "width": 640, "height": 480} for i in range(n)]
categories = [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}]
json.dump({"images": images, "categories": categories, "annotations": []}, open(f"{folder}/coco.json", "w"))
results = []
for i in range(n):
    for _ in range(r):
        x, y = random.uniform(0, 500), random.uniform(0, 380)
        w, h = random.uniform(10, 140), random.uniform(10, 100)
        results.append({"image_id": i + 1, "category_id": random.choice([1, 2]),
                        "bbox": [round(x, 2), round(y, 2), round(w, 2), round(h, 2)],
                        "score": round(random.random(), 9)})
json.dump(results, open(f"{folder}/results.json", "w"))
PY
sed -e 's/backend: {replay: predictions.json}/backend: {replay: results.json, images: coco.json}/' \
  examples/auto-annotation/workflow.yaml >"$dir/workflow.yaml"

echo "weir run: $images images × $regions regions of COCO results into a new store ($weir)"
best=""
for i in $(seq 1 "$runs"); do
  rm -f "$dir"/weir.db*
  /usr/bin/time -f "%e %U %S" -o "$dir/time" "$weir" run "$dir/workflow.yaml" --store "$dir/weir.db" \
    >/dev/null 2>"$dir/err" || { cat "$dir/err"; exit 1; }
  read -r wall user sys <"$dir/time"
  cpu=$(echo "$user + $sys" | bc)
  printf '  run %d: %6.3f s wall, %6.3f s CPU\n' "$i" "$wall" "$cpu"
  best=$(printf '%s\n%s\n' "$best" "$wall $cpu" | sed '/^$/d' | sort -n | head -1)
done
read -r wall cpu <<<"$best"
printf 'fastest:  %6.3f s wall, %6.3f s CPU\n' "$wall" "$cpu"
