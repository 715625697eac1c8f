#!/usr/bin/env bash
# Refresh the vendored YASGUI bundle from the npm package: endpoint/static/update_yasgui.sh [VERSION]
set -euo pipefail
version="${1:-4.6.2}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@zazuko/yasgui@${version}" >/dev/null && tar xzf zazuko-yasgui-*.tgz)
cp "$work/package/build/yasgui.min.js" "$work/package/build/yasgui.min.css" "$here/yasgui/"
sed -i "s/@zazuko\/yasgui\` [0-9.]*/@zazuko\/yasgui\` ${version}/" "$here/yasgui/SOURCE.md"
echo "YASGUI ${version} copied into $here/yasgui/"
