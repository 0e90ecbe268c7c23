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
    # A command with findings exits 1; its peak memory counts all the same.
    { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null || true; } | tail -n 1 | awk '{ printf "%.1f\n", $1 / 1024 }'
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

# generate_history DIR COMMITS: a repository at DIR with COMMITS generated commits
# (bench/generate-history.py, through git fast-import), repacked as a clone would have it.
generate_history() {
  local repo=$1 commits=$2
  git init -q "$repo"
  python3 "$(dirname "${BASH_SOURCE[0]}")/generate-history.py" "$commits" | git -C "$repo" fast-import --quiet
  git -C "$repo" repack -adq
  git -C "$repo" reset -q --hard main
}

# write_history_program DIR TITLE BRANCH: a vouch.yml in DIR that makes every first-parent
# change of BRANCH, over all of time, the population (for reading a real history from outside).
write_history_program() {
  mkdir -p "$1"
  cat > "$1/vouch.yml" <<YAML
organization: $2
system: $2
reports:
  soc2:
    type: 2
    period: { start: 1970-01-01, end: 2099-12-31 }
    categories: [security]
change_management:
  branch: $3
  paths: ["**"]
YAML
}

# timed COMMAND...: one run, its output to "$WORK/out"; prints "wall-seconds cpu-seconds max-rss-kb".
timed() {
  local start end user system rss
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$WORK/time" "$@" > "$WORK/out" || true
  end=$(date +%s%N)
  read -r user system rss < <(tail -n 1 "$WORK/time")
  echo "$(echo "($end - $start) / 1000000000" | bc -l) $(echo "$user + $system" | bc) $rss"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

# pair COMMAND... -- BASELINE...: RUNS alternating runs of both (so both see the same load);
# prints "wall cpu rss" of the command, the same of the baseline (medians, peak memory), then
# the median of the per-pair wall-time ratios.
pair() {
  local command=() baseline=()
  while [ "$1" != "--" ]; do command+=("$1"); shift; done
  shift
  baseline=("$@")
  local walls=() cpus=() peak=0 base_walls=() base_cpus=() base_peak=0 ratios=()
  local wall cpu rss base_wall base_cpu base_rss
  for _ in $(seq "$RUNS"); do
    read -r wall cpu rss < <(timed "${command[@]}")
    read -r base_wall base_cpu base_rss < <(timed "${baseline[@]}")
    walls+=("$wall"); cpus+=("$cpu"); (( rss > peak )) && peak=$rss
    base_walls+=("$base_wall"); base_cpus+=("$base_cpu"); (( base_rss > base_peak )) && base_peak=$base_rss
    ratios+=("$(echo "$wall / $base_wall" | bc -l)")
  done
  echo "$(median "${walls[@]}") $(median "${cpus[@]}") $peak $(median "${base_walls[@]}") $(median "${base_cpus[@]}") $base_peak $(median "${ratios[@]}")"
}
