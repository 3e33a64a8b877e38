#!/usr/bin/env bash
# Benchmark (not a test): time `weir check` on generated 1,000- and 10,000-node workflows in both
# dialects beside libyaml's bare event parse of the same file, in-process and as a whole process,
# and the start-up of a process, on a release build. Extra arguments go to `weir bench check`
# (for example --nodes 100,1000,10000 --runs 9).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product weir --static-swift-stdlib >/dev/null
exec .build/release/weir bench check "$@"
