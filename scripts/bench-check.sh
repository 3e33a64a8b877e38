#!/usr/bin/env bash
# Benchmark (not a test): time `weir check` on generated 1,000- and 10,000-node workflows in both
# dialects beside libyaml's bare event parse of the same file, in-process and as a whole process,
# and the start-up of a process, on a release build. Extra arguments go to `weir bench check`
# (for example --nodes 100,1000,10000 --runs 9).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product weir --static-swift-stdlib >/dev/null
# What the loader maps before main. libcurl must not be among them: it is opened only for an http
# model (Documentation/Development.md, "No libcurl at start-up").
needed=$(readelf -d .build/release/weir | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
echo "shared libraries linked: $(echo "$needed" | wc -l) ($(echo $needed)); mapped at start: $(ldd .build/release/weir | wc -l)"
if grep -q '^libcurl' <<<"$needed"; then
  echo "warning: weir links libcurl again; a target linked into weir lacks withoutLibcurl in Package.swift" >&2
fi
exec .build/release/weir bench check "$@"
