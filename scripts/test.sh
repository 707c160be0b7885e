#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine: installs what the tests need when it is missing
# (Debian packages, the package with its test extras, npm tools), then runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
command -v pandoc >/dev/null || apt_packages+=(pandoc)                      # Debian's 2.17, for the plain-pandoc tests
command -v pdftotext >/dev/null || apt_packages+=(poppler-utils)
command -v pdflatex >/dev/null || apt_packages+=(texlive-latex-recommended texlive-fonts-recommended lmodern)
command -v xelatex >/dev/null || apt_packages+=(texlive-xetex)
command -v chromium >/dev/null || apt_packages+=(chromium)                  # axe-core accessibility check of the HTML
command -v java >/dev/null || apt_packages+=(default-jre-headless)          # the Nu HTML checker (vnu.jar)
command -v soffice >/dev/null || apt_packages+=(libreoffice-writer-nogui)   # opens the DOCX, renders previews
[ -d /usr/share/fonts/opentype/noto ] || apt_packages+=(fonts-noto-cjk)    # the PDF's Chinese, Japanese, Korean
# Metric-compatible stand-ins for Calibri and Cambria, which the themes' Word styles name, so that
# LibreOffice wraps the DOCX's lines where Word does.
fc-list 2>/dev/null | grep -q Carlito || apt_packages+=(fonts-crosextra-carlito)
fc-list 2>/dev/null | grep -q Caladea || apt_packages+=(fonts-crosextra-caladea)
if [ ${#apt_packages[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

bash scripts/test-tools.sh

# The same virtual environment as the README's first command, so that Debian's externally managed
# Python is never touched; the package is installed editable with its test extras.
if [ ! -x .venv/bin/python ]; then
  if ! python3 -m venv .venv 2>/dev/null; then
    rm -rf .venv
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
    python3 -m venv .venv
  fi
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
PATH="$PWD/.venv/bin:$PATH" .venv/bin/python -m pytest -q "$@"
