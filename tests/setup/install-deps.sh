#!/usr/bin/env bash
# Installs what Hdf5.Mapping needs on Debian/Ubuntu: libhdf5 1.10 (runtime + dev + hl), hdf5-tools (h5dump),
# h5py and the filter plugins the tests use as peers, zstd, the parallel (OpenMPI) libhdf5 with h5py-mpi as its
# peer (and the ZFP plugin built for it), and the netCDF-4 peers (ncdump, netCDF4-python, xarray, h5netcdf).
# Idempotent and quiet. As root it installs with apt-get; otherwise it prints exactly what to install.
set -euo pipefail

packages=(
  libhdf5-103-1 libhdf5-dev hdf5-tools
  python3-h5py python3-hdf5plugin python3-zstandard python3-numpy
  hdf5-filter-plugin hdf5-filter-plugin-zfp-serial hdf5-filter-plugin-blosc-serial hdf5-plugin-lzf liblzf1
  zstd libzstd-dev gcc pkg-config
  libhdf5-openmpi-dev openmpi-bin python3-h5py-mpi python3-mpi4py
  netcdf-bin python3-netcdf4 python3-xarray python3-h5netcdf
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "install-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# Debian's ZFP plugin links the serial libhdf5; the parallel tests and sample need one built for hdf5-openmpi.
bash "$(dirname "$0")/build-zfp-plugin-mpi.sh" >/dev/null

if ! command -v dotnet >/dev/null; then
  echo "install-deps: the .NET 10 SDK is required (https://dot.net); dotnet is not on PATH." >&2
  exit 1
fi

# The documentation site's builder, docfx, is a local dotnet tool of the repository (.config/dotnet-tools.json):
# restored from NuGet once, then from the package cache (docs/build.sh and its test run it offline).
(cd "$(dirname "$0")/../.." && dotnet tool restore >/dev/null) || {
  echo "install-deps: dotnet tool restore failed (docfx for docs/build.sh)" >&2
  exit 1
}
