#!/usr/bin/env bash
# Builds the local Debian base image that every project image starts FROM.
#
# Why not FROM debian:bookworm? The CI machines cannot reach any container registry, so
# nothing can be pulled: the base is made here, from Debian's package archive (which IS
# reachable), with debootstrap, and loaded with `docker import`. About 35 s.
#
# Usage: build.sh [TAG]   (default paradigms/debian-base:bookworm). Needs root, debootstrap
# and a running Docker daemon. .ci/build-images calls it only when the tag is missing.
set -euo pipefail

tag=${1:-paradigms/debian-base:bookworm}
mirror=http://deb.debian.org/debian

rootfs=$(mktemp -d /tmp/debian-base.XXXXXX)
cleanup() {
    # debootstrap mounts /proc, /sys (and in a container may bind-mount /dev) inside the
    # root file system; if it fails half-way they can still be mounted. Unmount them
    # (deepest first) before deleting, so `rm -rf` can never reach the host's /dev.
    grep -o " $rootfs/[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l || true
    rm -rf --one-file-system "$rootfs"
}
trap cleanup EXIT

# minbase: only essential packages + apt, like the official debian image (no init, no
# man pages to speak of). Images built on top install what they need with apt-get.
debootstrap --variant=minbase bookworm "$rootfs" "$mirror"

# debootstrap writes only "bookworm main"; add updates and security so images built on
# this base get the same patched packages as the official debian:bookworm image.
cat > "$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES

# Like the official image: make apt delete downloaded .debs after every install, so an
# image built on this base does not keep them in a layer (they were 150 MB of the
# postgres image before this).
cat > "$rootfs/etc/apt/apt.conf.d/docker-clean" <<'APTCONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";
APTCONF

# Keep the base small: package lists are re-fetched by any later `apt-get update`.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin \
    "$rootfs"/var/lib/apt/lists/*

# --numeric-owner: keep uid/gid numbers as they are inside the new system, not mapped
# through this host's /etc/passwd. PATH is set explicitly because an imported image has no
# environment at all, and Dockerfiles that say ENV PATH=...:$PATH would otherwise break.
tar --numeric-owner -C "$rootfs" -c . \
    | docker import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["bash"]' \
        - "$tag"
