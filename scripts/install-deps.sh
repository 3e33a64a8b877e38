#!/usr/bin/env bash
# Installs the Debian packages weir builds and tests with, when they are missing.
# Used by `make run`, `make test` and `.ci/run`; a no-op (a few dpkg look-ups) when all are there.
set -euo pipefail

packages=(
  libyaml-dev          # YAML front end (CYAML)
  libjpeg62-turbo-dev  # JPEG decoding for the built-in detector
  libpng-dev           # PNG decoding, PNG plots
  libedit-dev          # line editing in weir repl
  libsqlite3-dev       # the annotation store (GRDB)
  libcurl4-openssl-dev # libcurl's headers for CCurlLoader, which opens libcurl for Foundation's HTTP client on first use
  pkg-config
  python3              # command-backend tests run small python models
  python3-pip          # installs pycocotools, OpenVINO and onnx (below) when they are missing
  tmux                 # REPL tests drive the terminal front end through tmux
  neovim               # the language server's test runs Neovim's built-in LSP client headless
  python3-jsonschema   # the weir schema test validates the examples against the schema
  python3-yaml
  postgresql           # PostgreSQL store tests start a throw-away cluster (initdb, pg_ctl, psql)
  chromium             # weir review's page tests run headless Chromium
  chromium-driver      # … driven through WebDriver (chromedriver)
)

# Python packages the onnx backend's tests use: OpenVINO (the runtime weir loads at run time) and
# onnx (the tests build their models with it). Looked up without importing, so this stays quick.
python_packages=(openvino onnx)

install_python_packages() {
  local wanted=()
  for pkg in "${python_packages[@]}"; do
    python3 -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('$pkg') is None)" 2>/dev/null \
      || wanted+=("$pkg")
  done
  [ ${#wanted[@]} -eq 0 ] && return 0
  echo "installing (pip): ${wanted[*]}"
  python3 -m pip install --quiet "${wanted[@]}" 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages "${wanted[@]}"
}

missing=()
for pkg in "${packages[@]}"; do
  # `dpkg -s` succeeds for a removed package whose config files remain; ask for the status itself.
  [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" = "install ok installed" ] || missing+=("$pkg")
done

# Python packages the tests read exports with, from PyPI when missing: pycocotools loads the COCO
# export as trainers do; OpenVINO and onnx run and build the onnx backend's models. Run after the Debian packages, which bring python3 and pip.
python_packages() {
  python3 -c 'import pycocotools' 2>/dev/null && return 0
  echo "installing from PyPI: pycocotools"
  python3 -m pip install --quiet pycocotools 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages pycocotools
}

if [ ${#missing[@]} -eq 0 ]; then
  python_packages
  install_python_packages
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "weir needs these packages (or your system's equivalents): ${missing[*]}" >&2
  exit 1
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
python_packages
install_python_packages
