# Shared helpers for the benchmark scripts: building, timing, and describing the machine.

# Median wall time in milliseconds of running a command N times (after one warm-up run).
median_ms() {
  local runs=$1; shift
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f\n", m / 1000 }'
}

# Peak resident memory in MB of one run, from GNU time.
peak_mb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{ printf "%.1f\n", $1 / 1024 }'
  else
    echo "n/a"
  fi
}

machine_description() {
  local cpu
  cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')
  echo "$(nproc) cores, ${cpu:-unknown CPU}, $(free -g | awk '/Mem:/ { print $2 }') GiB RAM, $(uname -sr), $(swift --version 2>&1 | head -n 1)"
}

# Builds the release binary, unless VOUCH names a binary to measure instead.
build_release() {
  if [ -n "${VOUCH:-}" ]; then return; fi
  (cd "$ROOT" && swift build -c release --product vouch >/dev/null)
  VOUCH="$ROOT/.build/release/vouch"
}

# Sets $work to a scratch folder that is removed when the script exits.
make_work_folder() {
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
}
