#!/usr/bin/env bash
# Benchmark (not a test): how time and memory grow with the input where hostile or just large inputs
# used to cost far more than their size. Prints seconds and peak memory for
#   check  `weir check` (text and JSON) on a one-line workflow with many errors;
#   lint   `weir lint` on a chain of N thresholders and on an N-way fan-out;
#   lines  a `command` model answering with one line of N MB;
#   image  the built-in detector on a 16000x16000 PNG and on its first 2 KB.
# Usage: scripts/bench-scaling.sh [check|lint|lines|image ...]   (all four by default)
# WEIR=path/to/weir runs another binary (a debug build, an older one) instead of a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${WEIR:-}" ]]; then
  swift build -c release --product weir --static-swift-stdlib >/dev/null
  WEIR=.build/release/weir
fi
WEIR=$(realpath "$WEIR")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(check lint lines image)

# Runs a command with a time limit; prints "S s, M MB" (or "over LIMIT s").
measure() {
  local limit=$1
  shift
  if /usr/bin/time -f "%e %M" -o "$dir/time" timeout "$limit" "$@" >"$dir/out" 2>&1 || true; then :; fi
  if grep -q "Command exited with non-zero status 124" "$dir/time"; then
    echo "over ${limit} s"
  else
    read -r seconds kb < <(tail -1 "$dir/time")
    echo "${seconds} s, $((kb / 1024)) MB"
  fi
}

bench_check() {
  for errors in 1000 2000 4000; do
    python3 - "$errors" >"$dir/long.yaml" <<'PY'
import sys
n = int(sys.argv[1])
keys = ", ".join(f"bogus_key_{i}: 1" for i in range(n))
print("{weir: 1, workflow: w, models: {m: {type: visual-detector, concepts: [cat], backend: {replay: p.json}}}, "
      f"nodes: {{detect: {{model: m, {keys}}}}}}}", end="")
PY
    local size
    size=$(($(stat -c %s "$dir/long.yaml") / 1024))
    echo "check, one line of ${size} KB with ${errors} errors: text $(measure 600 "$WEIR" check "$dir/long.yaml");" \
      "json $(measure 600 "$WEIR" check --format json "$dir/long.yaml")"
  done
}

bench_lint() {
  for n in 2000 4000 8000 16000; do
    {
      echo "weir: 1"
      echo "workflow: chain"
      echo "models: {m: {type: visual-detector, concepts: [cat, dog], backend: {replay: p.json}}}"
      echo "nodes:"
      echo "  n0: {model: m}"
      for i in $(seq 1 "$n"); do
        echo "  n$i: {type: region-thresholder, input: n$((i - 1)), params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.$((i % 9 + 1)), dog: 0.5}}}"
      done
      echo "  w: {type: annotation-writer, input: n$n, params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: t}}"
    } >"$dir/chain.yaml"
    echo "lint, chain of ${n} nodes: $(measure 600 "$WEIR" lint "$dir/chain.yaml")"
  done
  for n in 2000 4000; do
    {
      echo "weir: 1"
      echo "workflow: fan"
      echo "models: {m: {type: visual-detector, concepts: [cat, dog], backend: {replay: p.json}}}"
      echo "nodes:"
      echo "  detect: {model: m}"
      for i in $(seq 1 "$n"); do
        echo "  t$i: {type: region-thresholder, input: detect, params: {concept_threshold_type: GREATER_THAN, concepts: {cat: 0.$((i % 9 + 1))}}}"
        echo "  w$i: {type: annotation-writer, input: t$i, params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: t}}"
      done
    } >"$dir/fan.yaml"
    echo "lint, fan-out of ${n} thresholders and writers: $(measure 600 "$WEIR" lint "$dir/fan.yaml")"
  done
}

bench_lines() {
  mkdir -p "$dir/lines"
  cat >"$dir/lines/model.py" <<'PY'
import json, sys
size = int(sys.argv[1])
for line in sys.stdin:
    request = json.loads(line)
    pad = "x" * size
    sys.stdout.write(json.dumps({"id": request["id"], "metadata": {"pad": pad}}) + "\n")
    sys.stdout.flush()
PY
  printf 'P5\n1 1\n255\n\0' >"$dir/lines/a.pgm"
  cp "$dir/lines/a.pgm" "$dir/lines/a.png"
  for mb in 5 10 20 40; do
    cat >"$dir/lines/workflow.yaml" <<YAML
weir: 1
workflow: lines
models:
  m: {type: visual-detector, concepts: [cat], backend: {command: [python3, model.py, "$((mb << 20))"], timeout: 600}}
nodes:
  detect: {model: m}
  write: {type: annotation-writer, input: detect, params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: t}}
YAML
    echo "command model, one answer line of ${mb} MB: $(measure 600 "$WEIR" run "$dir/lines/workflow.yaml" \
      --inputs "$dir/lines/a.png" --allow-exec --store "$dir/lines/s$mb.db")"
  done
}

bench_image() {
  mkdir -p "$dir/image"
  python3 - "$dir/image/big.png" <<'PY'
import struct, sys, zlib
w = h = 16000
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
z = zlib.compressobj(9)
row = b"\0" + b"\x80" * (w * 3)
idat = b"".join(z.compress(row) for _ in range(h)) + z.flush()
with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
PY
  head -c 2048 "$dir/image/big.png" >"$dir/image/truncated.png"
  cat >"$dir/image/workflow.yaml" <<YAML
weir: 1
workflow: image
models:
  m: {type: visual-detector, concepts: [cat], backend: {builtin: cat-face}}
nodes:
  detect: {model: m}
  write: {type: annotation-writer, input: detect, params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: t}}
YAML
  local size
  size=$(($(stat -c %s "$dir/image/big.png") / 1024))
  echo "builtin detector, 16000x16000 PNG of ${size} KB: $(measure 600 "$WEIR" run "$dir/image/workflow.yaml" \
    --inputs "$dir/image/big.png" --store "$dir/image/big.db")"
  echo "builtin detector, its first 2 KB: $(measure 600 "$WEIR" run "$dir/image/workflow.yaml" \
    --inputs "$dir/image/truncated.png" --store "$dir/image/truncated.db")"
}

echo "weir: $WEIR, cores: $(nproc)"
for c in "${cases[@]}"; do "bench_$c"; done
