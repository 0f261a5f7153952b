#!/usr/bin/env bash
# Checks the README's two set-up commands from nothing: a minimal Debian 12 root made with
# mmdebstrap, this repository's HEAD from `git archive` and ../shared copied read-only beside it (as
# CI lays them out), then `./scripts/run-demo.sh` and `./scripts/test.sh` run there as root in a clean
# environment. Prints pass/fail and the time of each; exits non-zero when either fails.
#
#   sudo scripts/fresh-check.sh [--keep]      (~25-40 minutes on 2 cores; not part of CI)
#
#   --keep                  leave the root in place (its path is printed) to look around afterwards
#   FRESH_CHECK_DIR=DIR     where to build the root (default: a new directory under $TMPDIR)
#   FRESH_CHECK_MIRROR=URL  the Debian mirror (default: mmdebstrap's)
#
# Two things such a root meets that a real fresh machine does not:
# - It shares this machine's network, so a PostgreSQL (127.0.0.1:5432) or test Redis (127.0.0.1:6390)
#   of this machine would answer instead of the root's own. The script stops nothing of the machine's:
#   it refuses to start while a port is taken, and says so.
# - The registries may need this machine's CA certificates (e.g. behind an intercepting proxy):
#   they are copied into the root before anything runs. Nothing else of the machine is.
set -euo pipefail
keep=false
[[ ${1:-} == --keep ]] && keep=true
if [[ $(id -u) -ne 0 ]]; then
  echo "fresh-check.sh: run as root (mmdebstrap and chroot need it)" >&2
  exit 2
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${LEDGERHOST_SHARED_DIR:-$repo/../shared}
[[ -d $shared ]] || { echo "fresh-check.sh: $shared not found (the ../shared folder beside the checkout)" >&2; exit 2; }
for port in 5432 6390; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    echo "fresh-check.sh: 127.0.0.1:$port is taken on this machine (its own PostgreSQL or test Redis?); the root" \
         "shares the network, so its own server would not be the one tested. Stop that server first; this script" \
         "stops nothing." >&2
    exit 2
  fi
done
command -v mmdebstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq mmdebstrap >/dev/null; }

work=${FRESH_CHECK_DIR:-$(mktemp -d)}
root=$work/root
mounts=()
cleanup() {
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -R "${mounts[i]}" 2>/dev/null || umount -lR "${mounts[i]}" || true; done
  if grep -q " $root/" /proc/mounts; then  # never rm -rf through a bind mount of this machine's /dev or /sys
    echo "fresh-check.sh: something is still mounted below $root; left in place" >&2
  elif $keep; then
    echo "root kept at $root"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

stamp() { date +%s; }
t0=$(stamp)
echo "== mmdebstrap --variant=minbase bookworm $root"
mmdebstrap --variant=minbase --quiet bookworm "$root" ${FRESH_CHECK_MIRROR:+"$FRESH_CHECK_MIRROR"}
mkdir -p "$root/src/ledgerhost"
git -C "$repo" archive HEAD | tar -x -C "$root/src/ledgerhost"
cp -r "$shared" "$root/src/shared"
chmod -R a-w "$root/src/shared"
cp /etc/resolv.conf "$root/etc/resolv.conf"
if [[ -d /etc/ssl/certs ]]; then
  mkdir -p "$root/etc/ssl"
  cp -rL /etc/ssl/certs "$root/etc/ssl/"
fi
for m in proc sys dev; do
  mkdir -p "$root/$m"
  if [[ $m == proc ]]; then
    mount -t proc proc "$root/proc"
  else  # rslave: unmounting the copy later must not propagate to this machine's own mounts
    mount --rbind "/$m" "$root/$m" && mount --make-rslave "$root/$m"
  fi
  mounts+=("$root/$m")
done
echo "root ready after $(($(stamp) - t0)) s (HEAD $(git -C "$repo" rev-parse --short HEAD))"

# One of the README's commands in the root, as root, in a clean environment, without standard input.
run_in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    bash -c "cd /src/ledgerhost && $1" </dev/null
}
results=()
status=0
for command in ./scripts/run-demo.sh ./scripts/test.sh; do
  log=$work/$(basename "$command" .sh).log
  echo "== $command (log: $log)"
  start=$(stamp)
  if run_in_root "$command" >"$log" 2>&1; then
    results+=("PASS $command $(($(stamp) - start)) s")
  else
    code=$?
    results+=("FAIL $command $(($(stamp) - start)) s (exit $code)")
    status=1
    tail -n 40 "$log"
  fi
  # The root's own PostgreSQL would otherwise outlive the check.
  chroot "$root" sh -c 'command -v pg_lsclusters >/dev/null && pg_lsclusters -h | while read -r v c _; do pg_ctlcluster "$v" "$c" stop; done' \
    >/dev/null 2>&1 || true
done
echo "== fresh-check results (Debian 12 minbase, $(git -C "$repo" rev-parse --short HEAD))"
printf '%s\n' "${results[@]}"
[[ $status -eq 0 ]] && keep_logs="" || keep_logs=" (logs in $work; kept)"
[[ $status -eq 0 ]] || keep=true
echo "total $(($(stamp) - t0)) s$keep_logs"
exit $status
