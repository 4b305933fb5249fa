#!/usr/bin/env bash
# Runs every test project of the solution after installing what the peers need, and ends with one line
# "N passed, M failed" (the sum over all test assemblies). Exit status: 0 only if everything passed.
set -uo pipefail
cd "$(dirname "$0")/.."

bash tests/setup/install-deps.sh || { echo "0 passed, 1 failed"; exit 1; }
if [ -f tests/setup/install-node-deps.sh ]; then
  bash tests/setup/install-node-deps.sh || { echo "0 passed, 1 failed"; exit 1; }
fi

log=$(mktemp)
dotnet test Hdf5.Mapping.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Debian's libhdf5 is thread-safe, so the library lock is normally off: run the threading tests again with it
# forced on, the path taken with a libhdf5 that is not thread-safe.
HDF5_MAPPING_FORCE_LOCK=1 dotnet test tests/Hdf5.Mapping.Tests -c Release --no-build --nologo --filter "FullyQualifiedName~ThreadingTests" 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

passed=0; failed=0
while read -r f p; do
  passed=$((passed + p)); failed=$((failed + f))
done < <(grep -oE "Failed: +[0-9]+, Passed: +[0-9]+" "$log" | sed -E 's/Failed: +([0-9]+), Passed: +([0-9]+)/\1 \2/')
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the runner failed before any test could report
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
