#!/usr/bin/env bash
# The container image localhost/menhu:<version>, built offline with Debian's podman (or
# buildah) FROM scratch: the menhu binary, the shared libraries it loads (glibc's, found
# with ldd), the CA certificates (for `check --external` and `deploy` over HTTPS) and
# nothing else. The time zones are compiled into menhu (chrono-tz): no zoneinfo needed.
#
#   scripts/image.sh                        # the binary of scripts/dist.sh (built if missing)
#   MENHU_IMAGE_BINARY=path scripts/image.sh   # another binary (tests use theirs)
#   MENHU_IMAGE_TAG=name:tag scripts/image.sh  # another name
#   MENHU_IMAGE_STORAGE=vfs scripts/image.sh   # containers/storage driver (vfs works everywhere)
#
# Use:  podman run --rm -v "$PWD:/site" localhost/menhu:0.1.0 build
set -euo pipefail
cd "$(dirname "$0")/.."

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
tag="${MENHU_IMAGE_TAG:-localhost/menhu:$version}"
binary="${MENHU_IMAGE_BINARY:-}"
if [ -z "$binary" ]; then
  for built in target/x86_64-unknown-linux-gnu/dist/menhu target/dist/menhu; do
    [ -x "$built" ] && binary="$built" && break
  done
fi
if [ -z "$binary" ]; then
  scripts/dist.sh >/dev/null
  binary="$(ls target/x86_64-unknown-linux-gnu/dist/menhu target/dist/menhu 2>/dev/null | head -n 1)"
fi

storage=()
[ -n "${MENHU_IMAGE_STORAGE:-}" ] && storage=(--storage-driver "$MENHU_IMAGE_STORAGE")
if command -v podman >/dev/null 2>&1; then
  build=(podman "${storage[@]}" build)
elif command -v buildah >/dev/null 2>&1; then
  build=(buildah "${storage[@]}" bud)
else
  echo "image.sh: neither podman nor buildah is installed (apt-get install podman)" >&2
  exit 1
fi

context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
root="$context/rootfs"
mkdir -p "$root/usr/local/bin" "$root/etc/ssl/certs" "$root/site" "$root/tmp"
install -m 0755 "$binary" "$root/usr/local/bin/menhu"
# The loader and libraries, at the paths the binary names (ldd prints "x => /path" or "/path").
ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' |
  while read -r library; do
    mkdir -p "$root$(dirname "$library")"
    cp -L "$library" "$root$library"
  done
cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
chmod 1777 "$root/tmp"

cat > "$context/Containerfile" <<EOF
FROM scratch
COPY rootfs/ /
ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt TZ=UTC
WORKDIR /site
ENTRYPOINT ["/usr/local/bin/menhu"]
CMD ["--help"]
LABEL org.opencontainers.image.title="menhu" org.opencontainers.image.version="$version"
EOF

# chroot isolation: no user namespaces are needed to build (there is no RUN step).
"${build[@]}" --isolation chroot --tag "$tag" --file "$context/Containerfile" "$context" >&2
echo "$tag"
