#!/usr/bin/env bash
# The OuProcess sample's file written by N MPI ranks at once (samples/ParallelOu): installs what is missing, builds the
# sample and runs it with Open MPI's mpirun. The file's data is bit for bit that of bash samples/run-sample.sh.
# Usage: bash samples/run-parallel.sh N [output.h5]   (default output: ou_process.h5 in the current folder)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
ranks=${1:?usage: bash samples/run-parallel.sh N [output.h5]}
output=${2:-ou_process.h5}
bash "$here/tests/setup/install-deps.sh"
dotnet build "$here/samples/ParallelOu" -c Release --nologo -v quiet
# Filter plugins of the MPI libhdf5: Debian's, and the ZFP plugin the set-up builds for it.
cache=${HDF5_MAPPING_CACHE:-/var/cache/hdf5-mapping}
export HDF5_PLUGIN_PATH="/usr/lib/x86_64-linux-gnu/hdf5/openmpi/plugins:$cache/h5z-zfp-openmpi/plugin"
launch=(-np "$ranks" -x HDF5_PLUGIN_PATH)
[ "$(id -u)" -eq 0 ] && launch+=(--allow-run-as-root)       # Open MPI refuses root without it
[ "$ranks" -gt "$(nproc)" ] && launch+=(--oversubscribe)     # more ranks than cores
exec mpirun "${launch[@]}" dotnet "$here/samples/ParallelOu/bin/Release/net10.0/ParallelOu.dll" "$output"
