# Sourced by .ci/run (and usable by hand): makes sure a Docker engine answers, starting one with
# its own data and exec roots when none does, and builds the stand-in images the local engine's
# tests run (image registries are not reachable here). Exports DOCKER_HOST.
# shellcheck shell=bash
trellis_docker_root=${TRELLIS_DOCKER_ROOT:-/tmp/trellis-docker}

if ! command -v dockerd >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
fi

# A registry on 127.0.0.1 for the image-pull tests (LocalEngineImagePullIT).
if ! [ -x /usr/bin/docker-registry ]; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  if [ -S "$trellis_docker_root/docker.sock" ] && DOCKER_HOST="unix://$trellis_docker_root/docker.sock" docker info >/dev/null 2>&1; then
    :
  else
    mkdir -p "$trellis_docker_root"
    # A daemon from an earlier session leaves its pid file and socket behind; dockerd refuses to start over them.
    if [ -f "$trellis_docker_root/pid" ] && ! kill -0 "$(cat "$trellis_docker_root/pid")" 2>/dev/null; then
      rm -f "$trellis_docker_root/pid" "$trellis_docker_root/docker.sock"
    fi
    DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 dockerd --data-root "$trellis_docker_root/data" \
      --exec-root "$trellis_docker_root/exec" -H "unix://$trellis_docker_root/docker.sock" \
      -p "$trellis_docker_root/pid" > "$trellis_docker_root/dockerd.log" 2>&1 &
  fi
  export DOCKER_HOST="unix://$trellis_docker_root/docker.sock"
  for _ in $(seq 1 150); do docker info >/dev/null 2>&1 && break; sleep 0.2; done
  docker info >/dev/null 2>&1 || { echo "dockerd did not start:"; tail -20 "$trellis_docker_root/dockerd.log"; return 1 2>/dev/null || exit 1; }
fi

# The stand-in service image: busybox with an httpd that answers /health, as the real images do.
if ! docker image inspect trellis/stand-in:1 >/dev/null 2>&1; then
  work=$(mktemp -d)
  ( cd "$work" && apt-get download busybox-static >/dev/null 2>&1 ) || { apt-get update -qq >/dev/null; ( cd "$work" && apt-get download busybox-static >/dev/null ); }
  dpkg-deb -x "$work"/busybox-static_*.deb "$work/pkg"
  mkdir -p "$work/rootfs"/{bin,www,tmp,etc,proc,sys,dev}
  cp "$work/pkg/bin/busybox" "$work/rootfs/bin/"
  for a in $("$work/pkg/bin/busybox" --list); do [ "$a" = busybox ] || ln -s busybox "$work/rootfs/bin/$a"; done
  printf '{"status":"ok"}' > "$work/rootfs/www/health"
  chmod 1777 "$work/rootfs/tmp"
  printf 'root:x:0:0:root:/root:/bin/sh\n' > "$work/rootfs/etc/passwd"
  printf 'root:x:0:\n' > "$work/rootfs/etc/group"
  tar -C "$work/rootfs" --numeric-owner --owner=0 --group=0 -c . \
    | docker import -c 'ENV PATH=/bin' -c 'CMD ["httpd","-f","-v","-p","8080","-h","/www"]' - trellis/stand-in:1 >/dev/null
  rm -rf "$work"
fi
echo "Docker engine: $(docker version --format '{{.Server.Version}}' 2>/dev/null) at ${DOCKER_HOST:-default socket}; stand-in image ready"
