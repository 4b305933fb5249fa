#!/usr/bin/env bash
# Builds the documentation site: the articles (docs/articles), one page per H5M diagnostic (docs/diagnostics) and the
# API reference from the XML docs of src/Hdf5.Mapping and src/Hdf5.Mapping.Design (docfx reads the projects' sources
# for the net10.0 target; no build needed). docfx is the repository's local dotnet tool (.config/dotnet-tools.json),
# restored here from NuGet.
#
# Usage: bash docs/build.sh [output-folder]     (default: docs/_site, git-ignored)
# Browse: open <output-folder>/index.html, or serve it: dotnet docfx serve <output-folder>
#
# Warnings are errors: an invalid link to a file, an anchor or an API (an xref) fails the build.
# Adding an article: write docs/articles/<name>.md and add its line to docs/articles/toc.yml;
# a new section of the top bar is a folder with its own toc.yml and one entry in docs/toc.yml.
set -euo pipefail
docs=$(cd "$(dirname "$0")" && pwd)
out=${1:-$docs/_site}
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$docs/.."
dotnet tool restore >/dev/null
# The API's YAML goes to docs/api (git-ignored), where docfx.json's build takes it from.
rm -rf "$docs/api"
dotnet docfx metadata "$docs/docfx.json" --warningsAsErrors
dotnet docfx build "$docs/docfx.json" --warningsAsErrors --output "$out"
echo "docs/build.sh: the site is in $out (open $out/index.html)"
