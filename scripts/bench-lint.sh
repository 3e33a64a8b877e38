#!/usr/bin/env bash
# Benchmark (not a test): lint a generated set of workflows (1,000 by default) in one `weir lint`
# run on a release build, and time it against `weir check` on the same files. The files are the
# reference workflow (Design.md §1) with varied thresholds, comparators and statuses, so some lint
# clean and some trip the band rules. Usage: scripts/bench-lint.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
swift build -c release --product weir --static-swift-stdlib >/dev/null
weir=.build/release/weir
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

comparators=(GREATER_THAN GREATER_THAN_OR_EQUAL)
complements=(LESS_THAN_OR_EQUAL LESS_THAN)
for i in $(seq 1 "$count"); do
  accept=0.$((50 + i % 49))
  review=0.$((10 + (i * 7) % 40))
  sure=${comparators[$((i % 2))]}
  unsure=${complements[$(((i / 2) % 2))]}
  cat >"$dir/w$i.yaml" <<YAML
weir: 1
workflow: bench-$i
vars:
  accept: $accept
  review: $review
models:
  pets: {type: visual-detector, concepts: [cat, dog, bird], backend: {replay: predictions.json}}
nodes:
  detect: {model: pets}
  sure:
    type: region-thresholder
    input: detect
    params: {concept_threshold_type: $sure, concepts: {cat: \$accept, dog: \$accept, bird: 0.99}}
  write-sure:
    type: annotation-writer
    input: sure
    params: {annotation_status: ANNOTATION_SUCCESS, annotation_user_id: bot, task_id: pets}
  unsure:
    type: region-thresholder
    input: detect
    params: {concept_threshold_type: $unsure, concepts: {cat: \$accept, dog: \$accept}}
  plausible:
    type: region-thresholder
    input: unsure
    params: {concept_threshold_type: GREATER_THAN, concepts: {cat: \$review, dog: \$review}}
  write-review:
    type: annotation-writer
    input: plausible
    params: {annotation_status: ANNOTATION_AWAITING_REVIEW, annotation_user_id: bot, task_id: pets}
YAML
done

time_it() {
  local start end
  start=$(date +%s%N)
  "$@" >"$dir/out" 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

check_ms=$(time_it "$weir" check "$dir"/w*.yaml)
lint_ms=$(time_it "$weir" lint --format json "$dir"/w*.yaml)
findings=$(grep -c '"id"' "$dir/out" || true)
one_ms=$(time_it "$weir" lint "$dir/w1.yaml")
echo "files: $count ($(du -sh "$dir" | cut -f1)), cores: $(nproc)"
echo "weir check: ${check_ms} ms"
echo "weir lint:  ${lint_ms} ms ($((count * 1000 / (lint_ms > 0 ? lint_ms : 1))) files/s), ${findings} findings"
echo "weir lint, one file: ${one_ms} ms"
