#!/usr/bin/env bash
# Checks that the Debian packages given as arguments are installed. As root, installs the
# missing ones with apt-get; otherwise prints the exact command and fails.
# Parallel make runs several of these at once and apt-get takes a lock of its own, so the
# check-and-install step is serialized on one lock file.
set -u
list_missing() {
  missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
}
list_missing "$@"
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  exec 9>/var/lock/webnn-cts-apt.lock
  flock 9
  list_missing "$@"   # another job may have installed them while we waited
  [ ${#missing[@]} -eq 0 ] && exit 0
  echo "installing missing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null && exit 0
  echo "error: apt-get install failed for: ${missing[*]}" >&2
  exit 1
fi
echo "error: missing Debian packages. Install them with:" >&2
echo "  sudo apt-get install -y ${missing[*]}" >&2
exit 1
