#!/usr/bin/env bash
# Fuzzes every parser of outside input with libFuzzer: scripts/fuzz.sh [seconds per target] [target...]
# Targets: ical itip csv json busy template (default: all). Seeds come from Fuzz/corpus/<target>, and every
# input that ever crashed one is kept in Fuzz/regressions/<target> and replayed first.
# A crash writes the input to Fuzz/findings/<target>/ and the script exits non-zero.
# Prints "fuzz: N passed, N failed" last, one per target.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ical itip csv json busy template multipart)

build=.build-fuzz
mkdir -p "$build"
binary="$build/kasane-fuzz"
sources="$(find Sources/KasaneCore Sources/KasaneCalendar -name '*.swift' | sort) Sources/KasaneDocuments/TemplateCheck.swift Sources/KasaneDocuments/TemplateMarkup.swift Sources/KasaneDocuments/TemplateInliner.swift"
newest=$(ls -t $sources Fuzz/FuzzTargets.swift | head -1)
if [ ! -x "$binary" ] || [ "$newest" -nt "$binary" ]; then
  echo "fuzz: building $binary (libFuzzer + AddressSanitizer)"
  # One module named KasaneCore holds the core, the calendar code and the harness, so that
  # `import KasaneCore` in the calendar files is the module itself (swiftc warns and ignores it).
  if ! swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name KasaneCore \
      -I Sources/CLibical -suppress-warnings $sources Fuzz/FuzzTargets.swift -lical -o "$binary" \
      >"$build/build.log" 2>&1; then
    grep -E 'error' "$build/build.log" | head -20
    echo "fuzz: build failed"
    echo "fuzz: 0 passed, ${#targets[@]} failed"
    exit 1
  fi
fi

passed=0
failed=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  findings="Fuzz/findings/$target"
  mkdir -p "$corpus" "$findings"
  cp -n Fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
  log="$build/$target.log"
  # Replay every input that ever crashed this target: each must now be refused cleanly.
  regressions=(Fuzz/regressions/"$target"/*)
  if [ -e "${regressions[0]}" ]; then
    if ! KASANE_FUZZ_TARGET=$target "$binary" "${regressions[@]}" >"$log" 2>&1; then
      echo "fuzz: $target: a regression input fails again"; tail -30 "$log"
      failed=$((failed + 1)); continue
    fi
  fi
  echo "fuzz: $target for ${seconds}s"
  if KASANE_FUZZ_TARGET=$target "$binary" "$corpus" Fuzz/corpus/"$target" \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "fuzz: $target ok (${runs:-?} inputs, 0 crashes)"
    passed=$((passed + 1))
  else
    echo "fuzz: $target FOUND A CRASH; input kept in $findings/"
    grep -E 'ERROR|Fatal|fatal|SUMMARY|panic' "$log" | head -10
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
