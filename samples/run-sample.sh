#!/usr/bin/env bash
# The main job: installs what is missing, then runs the OuProcess sample (the HUG23 h5py tutorial in C#).
# Usage: bash samples/run-sample.sh [output.h5]   (default: ou_process.h5 in the current folder)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/tests/setup/install-deps.sh"
exec dotnet run --project "$here/samples/OuProcess" -c Release -- "${1:-ou_process.h5}"
