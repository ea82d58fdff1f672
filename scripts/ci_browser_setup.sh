#!/usr/bin/env bash
# Browser-test prerequisites, idempotent: Debian's chromium + chromedriver (apt), and the Python
# driver (selenium) plus the offline Swagger UI assets in the project venv when it exists.
# Playwright's own browser download is impossible offline; Debian's chromium is used instead.
# Runs as root in CI; elsewhere it uses sudo when it can and otherwise says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SELENIUM_PIN="selenium==4.51.0"
SWAGGER_PIN="swagger-ui-py==25.7.1"

need_apt=0
command -v chromium >/dev/null 2>&1 || need_apt=1
command -v chromedriver >/dev/null 2>&1 || need_apt=1
if [ "$need_apt" = 1 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
      echo "ci_browser_setup: chromium/chromedriver missing and not root: apt-get install chromium chromium-driver" >&2
      exit 0
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null; }; then
    echo "ci_browser_setup: WARNING: apt could not install chromium/chromium-driver; browser tests will be skipped" >&2
  fi
fi
echo "ci_browser_setup: $(chromium --version 2>/dev/null || echo 'chromium ?'); $(chromedriver --version 2>/dev/null | head -c 60 || echo 'chromedriver ?')"

PY="${VENV_PY:-.venv/bin/python}"
if [ ! -x "$PY" ] && [ -f Makefile ]; then
  make install >/dev/null
fi
if [ -x "$PY" ]; then
  "$PY" -c "import selenium" 2>/dev/null || "$PY" -m pip install --quiet "$SELENIUM_PIN" \
    || echo "ci_browser_setup: WARNING: could not install $SELENIUM_PIN; browser tests will be skipped" >&2
  "$PY" -c "import swagger_ui" 2>/dev/null || "$PY" -m pip install --quiet "$SWAGGER_PIN" \
    || echo "ci_browser_setup: WARNING: could not install $SWAGGER_PIN; /docs will point to /openapi.json" >&2
fi
