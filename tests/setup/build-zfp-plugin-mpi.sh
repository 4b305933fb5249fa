#!/usr/bin/env bash
# Builds the ZFP filter plugin (H5Z-ZFP, from Debian trixie's source package h5z-zfp) against Debian's parallel
# libhdf5 (hdf5-openmpi): Debian ships ZFP only for the serial libhdf5 (hdf5-filter-plugin-zfp-serial), and a plugin
# linked with the serial library cannot run inside the parallel one. The plugin goes into a cache outside the clone;
# put its folder on HDF5_PLUGIN_PATH (with /usr/lib/<arch>/hdf5/openmpi/plugins) for parallel programs.
# Idempotent: a finished build is reused. Prints the plugin folder on its last line.
# Usage: bash tests/setup/build-zfp-plugin-mpi.sh [prefix]
set -euo pipefail

prefix="${1:-${HDF5_MAPPING_CACHE:-/var/cache/hdf5-mapping}/h5z-zfp-openmpi}"
plugin="$prefix/plugin/libh5zzfp.so"
if [ -f "$plugin" ]; then
  echo "$prefix/plugin"; exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "build-zfp-plugin-mpi: needs root to add trixie's deb-src entry and libzfp-dev (or an existing build in $prefix)" >&2
  exit 1
fi

mkdir -p "$(dirname "$prefix")"
exec 9>"$prefix.lock"
flock 9
if [ -f "$plugin" ]; then
  echo "$prefix/plugin"; exit 0
fi

export DEBIAN_FRONTEND=noninteractive
need=()
for p in dpkg-dev libzfp-dev libhdf5-openmpi-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
source "$(dirname "$0")/trixie-sources.sh"
trixie_sources
[ ${#need[@]} -eq 0 ] || apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# Only the upstream tarball is needed (the plugin is one C file); Debian's packaging may be missing from a mirror.
apt-get source -qq --download-only h5z-zfp >/dev/null 2>&1 || true
tarball=$(ls ./h5z-zfp_*.orig.tar.* 2>/dev/null | head -n 1)
[ -n "$tarball" ] || { echo "build-zfp-plugin-mpi: trixie's h5z-zfp source could not be downloaded" >&2; exit 1; }
mkdir src && tar -xf "$tarball" -C src --strip-components=1
mkdir -p "$prefix/plugin"
# As upstream's Makefile builds the plugin (H5Zzfp.c without H5Z_ZFP_AS_LIB), linked with the MPI libhdf5.
mpicc -O2 -fPIC -shared -Isrc/src $(pkg-config --cflags hdf5-openmpi) src/src/H5Zzfp.c -o "$plugin.tmp" \
  $(pkg-config --libs hdf5-openmpi) -lzfp 2>"$work/build.log" \
  || { cat "$work/build.log" >&2; echo "build-zfp-plugin-mpi: the build failed" >&2; exit 1; }
mv "$plugin.tmp" "$plugin"
echo "$prefix/plugin"
