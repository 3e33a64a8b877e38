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
  libcurl4-openssl-dev # the static release build (make release) links Foundation's HTTP client to libcurl
  pkg-config
  python3              # command-backend tests run small python models
  tmux                 # REPL tests drive the terminal front end through tmux
  chromium             # weir review's page tests run headless Chromium
  chromium-driver      # … driven through WebDriver (chromedriver)
)

missing=()
for pkg in "${packages[@]}"; do
  # `dpkg -s` succeeds for a removed package whose config files remain; ask for the status itself.
  [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" = "install ok installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

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
