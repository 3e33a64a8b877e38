#!/usr/bin/env bash
# Benchmark (not a test): `weir review` on a queue of 100,000 review items. Writes a store with
# `weir annotations write-synthetic` (10 regions per input), turns every annotation into a review
# item, starts `weir review --port 0`, then times over loopback, with one keep-alive connection per
# reviewer: the first page of the queue (GET /api/queue: the claim of 5 inputs and their rows) for
# fresh reviewers, and decision round trips (POST /api/decisions). Prints median, p95 and max.
# Usage: scripts/bench-review.sh [ITEMS] [SAMPLES]; WEIR=path times another binary (a debug build).
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-100000}
samples=${2:-200}
if [ -z "${WEIR:-}" ]; then
  swift build -c release --product weir --static-swift-stdlib >/dev/null  # as `make release`
  WEIR=.build/release/weir
fi
weir=$(realpath "$WEIR")
dir=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

"$weir" annotations write-synthetic --store "$dir/weir.db" --inputs $((items / 10)) --regions 10 \
  --progress-every 1000000 >/dev/null
python3 - "$dir/weir.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE annotations SET status = 24157")
db.commit()
print("review items:", db.execute("SELECT count(*) FROM annotations WHERE status = 24157").fetchone()[0])
PY

"$weir" review --store "$dir/weir.db" --port 0 >"$dir/out" 2>"$dir/err" &
server=$!
for _ in $(seq 100); do grep -q http "$dir/out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$dir/out")

python3 - "$url" "$samples" <<'PY'
import http.client, json, re, statistics, sys, time, urllib.parse
url, samples = sys.argv[1], int(sys.argv[2])
u = urllib.parse.urlparse(url)
def connect():
    return http.client.HTTPConnection(u.hostname, u.port, timeout=30)
def call(conn, method, path, headers, body=None):
    start = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return (time.perf_counter() - start) * 1000, response.status, data
conn = connect()
_, _, page = call(conn, "GET", "/", {})
csrf = re.search(rb'name="csrf" content="([0-9a-f]+)"', page).group(1).decode()
first_page, decisions, keys = [], [], []
for n in range(samples):
    ms, status, data = call(conn, "GET", "/api/queue", {"X-Weir-Reviewer": f"bench-{n}"})
    assert status == 200, (status, data[:200])
    first_page.append(ms)
    inputs = json.loads(data)["inputs"]
    keys.append((f"bench-{n}", inputs[0]["annotations"][0]["key"]))
for reviewer, key in keys:
    body = json.dumps({"key": key, "action": "accept"})
    ms, status, data = call(conn, "POST", "/api/decisions",
                            {"X-Weir-Reviewer": reviewer, "X-CSRF-Token": csrf, "Content-Type": "application/json"}, body)
    assert status == 200, (status, data[:200])
    decisions.append(ms)
def show(name, xs):
    xs = sorted(xs)
    print(f"{name}: median {statistics.median(xs):.1f} ms, p95 {xs[int(len(xs) * 0.95) - 1]:.1f} ms, "
          f"max {xs[-1]:.1f} ms ({len(xs)} requests)")
show("first page (GET /api/queue, 5 inputs claimed)", first_page)
show("decision round trip (POST /api/decisions)", decisions)
PY
