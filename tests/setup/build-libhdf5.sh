#!/usr/bin/env bash
# Builds libhdf5 1.14.5 (what conda, Homebrew, Debian 13 and Fedora ship) from Debian trixie's source package,
# thread-safe with the high-level library, into a cache outside the clone, so the test suite can run a second
# time against it (HDF5_MAPPING_LIBHDF5 / HDF5_MAPPING_LIBHDF5_HL). Idempotent: a finished build is reused.
# Prints the install prefix on its last line. Usage: bash tests/setup/build-libhdf5.sh [prefix]
set -euo pipefail

version=1.14.5
prefix="${1:-${HDF5_MAPPING_CACHE:-/var/cache/hdf5-mapping}/libhdf5-$version}"
# What the build holds; a cached build made with other options is rebuilt. ROS3 (libcurl + OpenSSL) as Debian's
# 1.10.8 has it, so the remote tests run on both versions.
config="threadsafe hl ros3 zlib szip"
built() { [ -f "$prefix/lib/libhdf5.so" ] && [ -f "$prefix/lib/libhdf5_hl.so" ] && [ "$(cat "$prefix/.complete" 2>/dev/null)" = "$config" ]; }
if built; then
  echo "$prefix"; exit 0
fi

if [ "$(id -u)" != "0" ]; then
  echo "build-libhdf5: needs root to add trixie's deb-src entry and build tools (or an existing build in $prefix)" >&2
  exit 1
fi

# One build at a time (two test runs may start together): the second waits, then finds the first one's result.
mkdir -p "$(dirname "$prefix")"
exec 9>"$prefix.lock"
flock 9
if built; then
  echo "$prefix"; exit 0
fi

export DEBIAN_FRONTEND=noninteractive
need=()
for p in dpkg-dev build-essential zlib1g-dev libaec-dev libcurl4-openssl-dev libssl-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
source "$(dirname "$0")/trixie-sources.sh"
trixie_sources
[ ${#need[@]} -eq 0 ] || apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get source -qq --download-only hdf5 >/dev/null 2>&1
ls ./hdf5_"$version"*.dsc >/dev/null 2>&1 || { echo "build-libhdf5: trixie no longer has hdf5 $version" >&2; exit 1; }
dpkg-source -x --no-check ./hdf5_*.dsc src >/dev/null
cd src
echo "build-libhdf5: configuring and building libhdf5 $version into $prefix (about 10 minutes on 2 cores)" >&2
./configure --prefix="$prefix" --enable-threadsafe --enable-unsupported --enable-hl \
  --disable-fortran --disable-cxx --disable-tests --disable-tools --with-zlib --with-szlib --enable-ros3-vfd >"$work/configure.log" 2>&1 \
  || { tail -n 40 "$work/configure.log" >&2; echo "build-libhdf5: configure failed" >&2; exit 1; }
log="$work/build.log"
if ! make -j"$(nproc)" >"$log" 2>&1 || ! { rm -rf "$prefix" && make install >>"$log" 2>&1; }; then
  tail -n 40 "$log" >&2; echo "build-libhdf5: the build failed (log above)" >&2; exit 1
fi
echo "$config" > "$prefix/.complete"
echo "$prefix"
