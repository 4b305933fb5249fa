# Sourced by the build scripts: adds Debian trixie's source-package index (deb-src only: nothing from trixie is ever
# installed) unless an entry for trixie exists, then refreshes the package lists. Needs root.
trixie_sources() {
  local sources=/etc/apt/sources.list.d/hdf5-mapping-trixie-src.sources
  if [ ! -f "$sources" ] && ! grep -rqs "^Suites: trixie" /etc/apt/sources.list.d/; then
    cat > "$sources" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  apt-get update -qq >/dev/null
}
