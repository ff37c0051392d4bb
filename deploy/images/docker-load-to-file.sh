#!/usr/bin/env bash
# Stands in for the docker CLI during an offline image check: Jib hands "docker load" the finished image as a
# tarball on stdin, and this keeps it in the file $CHAT_IMAGE_TAR instead of loading it into a daemon. Jib first
# asks "docker info" for the platform to build for.
set -euo pipefail
if [[ "${1:-}" == "info" ]]; then
  echo '{"OSType":"linux","Architecture":"x86_64"}'
  exit 0
fi
if [[ "${1:-}" != "load" ]]; then
  echo "offline image check: only 'load' is supported (got: $*)" >&2
  exit 1
fi
out="${CHAT_IMAGE_TAR:?CHAT_IMAGE_TAR must name the output file}"
mkdir -p "$(dirname "$out")"
cat > "$out"
echo "Loaded image: $out"
