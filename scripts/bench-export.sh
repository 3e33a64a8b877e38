#!/usr/bin/env bash
# Benchmark (not a test): `weir annotations export` of a store of IMAGES images (100,000 by default)
# with REGIONS boxes each (10), to a YOLO dataset (label files, image links, data.yaml) and to one
# COCO file, the whole process on a release build. The store is made once by the hidden
# `weir annotations write-synthetic` (made-up 640×480 images, about a tenth of the boxes accepted);
# each format is exported RUNS times into a fresh folder, accepted boxes only (the default) and then
# every status (--status all). Prints wall and CPU seconds of each export and the fastest.
# Usage: scripts/bench-export.sh [IMAGES] [REGIONS] [RUNS]; WEIR=path times another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
images=${1:-100000}
regions=${2:-10}
runs=${3:-3}
if [ -z "${WEIR:-}" ]; then
  swift build -c release --product weir >/dev/null
  WEIR=.build/release/weir
fi
weir=$(realpath "$WEIR")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

echo "making a store of $images images × $regions boxes ($weir)"
/usr/bin/time -f "%e" -o time "$weir" annotations write-synthetic --store weir.db --inputs "$images" \
  --regions "$regions" --progress-every 1000000000 >/dev/null
echo "  $(cat time) s"

bench() { # NAME ARGS…: runs `weir annotations export ARGS --output out` RUNS times
  local name=$1 best=""
  shift
  echo "$name"
  for i in $(seq 1 "$runs"); do
    rm -rf out out.json out.classes.txt
    /usr/bin/time -f "%e %U %S" -o time "$weir" annotations export --store weir.db "$@" >/dev/null 2>err \
      || { cat err; exit 1; }
    read -r wall user sys <time
    cpu=$(echo "$user + $sys" | bc)
    printf '  export %d: %6.3f s wall, %6.3f s CPU\n' "$i" "$wall" "$cpu"
    best=$(printf '%s\n%s\n' "$best" "$wall $cpu" | sed '/^$/d' | sort -n | head -1)
  done
  read -r wall cpu <<<"$best"
  printf '  fastest:  %6.3f s wall, %6.3f s CPU (%s)\n' "$wall" "$cpu" "$(tail -1 err)"
}

bench "yolo, accepted boxes" --format yolo --output out
bench "yolo, every status" --format yolo --status all --output out
bench "coco, accepted boxes" --format coco --output out.json
bench "coco, every status" --format coco --status all --output out.json
