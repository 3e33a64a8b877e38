#!/usr/bin/env bash
# Benchmark (not a test): runs that outgrow one machine (Documentation/Scale.md).
#  1. A slow model — a `command` backend sleeping 50 ms per batch (batch_size 1) — over INPUTS inputs
#     in shards of 10, with 1, 2 and 4 processes: `weir run --store postgresql://…` and 0, 1, 3
#     `weir worker`s. Prints wall seconds and inputs/s for each.
#  2. Replayed predictions (`weir bench gen`, IMAGES × 10 regions) through the reference
#     thresholds: one `weir run` into SQLite and into PostgreSQL, wall seconds and regions/s.
# Starts its own PostgreSQL (initdb as the postgres user, a unix socket in a temporary folder) and
# removes it at the end. Uses .build/debug/weir unless WEIR=path names another binary.
# Usage: scripts/bench-scale.sh [INPUTS] [IMAGES]
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=${1:-400}
images=${2:-10000}
weir=$(realpath "${WEIR:-.build/debug/weir}")
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d)
chmod 777 "$dir"
port=$((20000 + RANDOM % 20000))
cleanup() {
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses='' -c fsync=off" start >/dev/null
psql -X -q -h "$dir" -p "$port" -U postgres -d postgres -c 'create database weir'
url="postgresql://postgres@/weir?host=$dir&port=$port"
reset() { psql -X -q -c "set client_min_messages = warning" -h "$dir" -p "$port" -U postgres -d weir -c 'drop table if exists shards, annotations, inputs, runs, schema_migrations, decisions, leases, counts cascade'; }
echo "binary: $weir"

mkdir -p "$dir/slow"
cat >"$dir/slow/model.py" <<'PY'
import json, sys, time
for line in sys.stdin:
    request = json.loads(line)
    time.sleep(0.05)
    box = {"top_row": 0.1, "left_col": 0.1, "bottom_row": 0.9, "right_col": 0.9}
    concepts = [{"id": "cat", "name": "cat", "value": 0.99}]
    print(json.dumps({"id": request["id"], "regions": [{"region_info": {"bounding_box": box}, "data": {"concepts": concepts}}]}), flush=True)
PY
cat >"$dir/slow/workflow.yaml" <<'YAML'
weir: 1
workflow: slow
models:
  pets: {type: visual-detector, concepts: [cat], backend: {command: [python3, model.py], batch_size: 1}}
nodes:
  detect: {model: pets}
  write: {type: annotation-writer, input: detect, params: {annotation_status: ANNOTATION_SUCCESS}}
YAML
python3 -c "
for i in range($inputs): print('{\"id\": \"img-%05d\", \"url\": \"https://example.invalid/img-%05d.jpg\"}' % (i, i))
" >"$dir/slow/inputs.jsonl"

echo "slow model (50 ms per batch), $inputs inputs, shards of 10:"
for n in 1 2 4; do
  reset
  cd "$dir/slow"
  start=$(date +%s.%N)
  "$weir" run workflow.yaml --inputs inputs.jsonl --store "$url" --shard-size 10 --allow-exec --jobs 1 \
    >/dev/null 2>"$dir/run.err" &
  run=$!
  # Workers join once the run has recorded its shards.
  until [ "$(psql -X -A -t -h "$dir" -p "$port" -U postgres -d weir -c 'select count(*) from shards' 2>/dev/null)" \
    = "$((inputs / 10))" ]; do sleep 0.05; done
  pids=()
  for _ in $(seq 2 $n); do
    "$weir" worker --store "$url" --allow-exec --jobs 1 2>/dev/null &
    pids+=($!)
  done
  wait $run
  for p in "${pids[@]}"; do wait "$p"; done
  end=$(date +%s.%N)
  cd - >/dev/null
  python3 -c "s=$end-$start; print('  %d process(es): %6.2f s  %6.1f inputs/s' % ($n, s, $inputs/s))"
done

echo "replay, $images images x 10 regions, reference thresholds:"
mkdir -p "$dir/replay"
"$weir" bench gen --images "$images" --regions 10 -o "$dir/replay/predictions.jsonl"
sed -e 's/backend: {replay: predictions.json}/backend: {replay: predictions.jsonl}/' \
  examples/auto-annotation/workflow.yaml >"$dir/replay/workflow.yaml"
cd "$dir/replay"
for store in weir.db "$url"; do
  [ "$store" = weir.db ] && name=SQLite || { name=PostgreSQL; reset; }
  start=$(date +%s.%N)
  "$weir" run workflow.yaml --store "$store" --shard-size 500 >/dev/null 2>&1
  end=$(date +%s.%N)
  rows=$([ "$store" = weir.db ] && python3 -c "import sqlite3; print(sqlite3.connect('weir.db').execute('select count(*) from annotations').fetchone()[0])" \
    || psql -X -A -t -h "$dir" -p "$port" -U postgres -d weir -c 'select count(*) from annotations')
  python3 -c "s=$end-$start; print('  %-10s %6.2f s  %8.0f regions/s  (%d annotation rows)' % ('$name', s, $images*10/s, $rows))"
done
