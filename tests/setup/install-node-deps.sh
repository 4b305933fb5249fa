#!/usr/bin/env bash
# Installs the Node.js test peers (s3rver, an S3-compatible server the remote-file tests start on loopback) into
# tests/setup/node/node_modules. Idempotent and quiet; installs nodejs/npm through apt-get when run as root.
set -euo pipefail
cd "$(dirname "$0")/node"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "install-node-deps: node and npm are missing: sudo apt-get install nodejs npm" >&2
    exit 1
  fi
fi
if [ ! -x node_modules/.bin/s3rver ]; then
  echo "install-node-deps: installing s3rver (npm)"
  npm install --no-audit --no-fund --loglevel=error >/dev/null
fi
