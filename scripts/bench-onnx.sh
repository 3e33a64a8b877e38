#!/usr/bin/env bash
# weir's onnx backend beside OpenVINO's own Python API, on the same YOLOX-S-sized model and photos.
#
#   scripts/bench-onnx.sh [PHOTOS_FOLDER] [REPETITIONS]
#
# Writes a synthetic YOLOX-S (its layer shapes, random weights; scripts/bench-onnx/make_yolox_s.py)
# into a temporary folder, builds the release weir, then times both end to end on the photos
# (examples/pets/photos by default): decode, letterbox, inference, output decoding and NMS.
# Needs python3 with openvino, onnx and opencv-python-headless (installed with pip when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
photos=${1:-examples/pets/photos}
repetitions=${2:-3}
for pkg in openvino onnx cv2; do
  python3 -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('$pkg') is None)" || {
    name=$pkg; [ "$pkg" = cv2 ] && name=opencv-python-headless
    python3 -m pip install --quiet "$name"
  }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/bench-onnx/make_yolox_s.py "$work/yolox_s.onnx"
WEIR=${WEIR:-}
if [ -z "$WEIR" ]; then
  swift build -c release --product weir --static-swift-stdlib >/dev/null  # as `make release`
  WEIR=.build/release/weir
fi
shopt -s nullglob
images=("$photos"/*.jpg "$photos"/*.png)
echo
"$WEIR" bench vision --onnx "$work/yolox_s.onnx" --decoder yolox --channels bgr --scale 1 \
  --repetitions "$repetitions" "${images[@]}"
echo
python3 scripts/bench-onnx/openvino_python.py "$work/yolox_s.onnx" --repetitions "$repetitions" "${images[@]}"
