#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (tests/test_web_e2e.py) when it
# is missing. Playwright's own browser download cannot be used here, so the tests
# drive /usr/bin/chromium; without it (not root, no network) they skip with a reason.
set -uo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "ci-chromium: not root; the browser tests will skip (apt-get install -y chromium)" >&2
    exit 0
fi
echo "ci-chromium: installing chromium from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq chromium; } >/tmp/newsgraph-chromium.log 2>&1; then
    echo "ci-chromium: install failed (see /tmp/newsgraph-chromium.log); the browser tests will skip" >&2
fi
exit 0
