#!/usr/bin/env bash
# Checks the image build of one service (default chat-gateway) where no registry and no docker daemon are
# reachable: the images profile runs Jib for real, on a placeholder base image made here (an empty layer, since
# the real base image cannot be pulled), and the image comes out as a tarball whose configuration is then checked:
# the image name and tag, the unprivileged user, the exposed port and the application layers.
# Usage: deploy/images/check-image-build.sh [service]
set -euo pipefail
cd "$(dirname "$0")/../.."
service="${1:-chat-gateway}"
work="$PWD/$service/target/image-check"
rm -rf "$work" && mkdir -p "$work/base/rootfs/tmp"

# The placeholder base image, in the docker-save layout Jib reads with tar://
tar -C "$work/base/rootfs" -cf "$work/base/layer.tar" .
diff_id="sha256:$(sha256sum "$work/base/layer.tar" | cut -d' ' -f1)"
printf '{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/bin:/usr/bin:/bin"]},"rootfs":{"type":"layers","diff_ids":["%s"]}}' \
  "$diff_id" > "$work/base/config.json"
printf '[{"Config":"config.json","RepoTags":["placeholder/base:check"],"Layers":["layer.tar"]}]' > "$work/base/manifest.json"
tar -C "$work/base" -cf "$work/base.tar" manifest.json config.json layer.tar

export CHAT_IMAGE_TAR="$work/image.tar"
./mvnw -B -q -pl "$service" -am package -Pimages -DskipTests \
  -Dquarkus.jib.base-jvm-image="tar://$work/base.tar" \
  -Dquarkus.jib.docker-executable-name="$PWD/deploy/images/docker-load-to-file.sh"

mkdir -p "$work/image" && tar -C "$work/image" -xf "$CHAT_IMAGE_TAR"
manifest="$(cat "$work/image/manifest.json")"
config_file="$(sed -E 's/.*"Config":"([^"]+)".*/\1/' <<<"$manifest")"
config="$(cat "$work/image/$config_file")"
version="$(./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout -pl "$service")"
port="$(sed -nE 's/^quarkus\.http\.port=([0-9]+)$/\1/p' "$service/src/main/resources/application.properties")"
fail=0
check() { if grep -q -- "$2" <<<"$3"; then echo "ok   $1"; else echo "FAIL $1 (expected $2)"; fail=1; fi; }
check "image name and tag" "ghcr.io/chat-suite/$service:$version" "$manifest"
check "runs as user 185" '"User":"185"' "$config"
check "exposes port $port" "\"$port/tcp\"" "$config"
check "starts the Quarkus application" "quarkus-run.jar" "$config"
layers="$(grep -o '"Layers":\[[^]]*\]' <<<"$manifest" | tr ',' '\n' | wc -l)"
if (( layers >= 4 )); then echo "ok   $layers layers (base + dependencies + application)"; else echo "FAIL only $layers layers"; fail=1; fi
exit $fail
