#!/usr/bin/env bash
# Takes the demo screenshot used in the docs: runs the console against its embedded
# demo plant under a virtual X server and saves the window after a few seconds.
# Builds nothing. Usage: scripts/screenshot.sh [BUILD_DIR] [extra ndh-console args...]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
shift || true
console="$build/app/ndh-console"
out="$here/docs/screenshot-demo.png"

if [[ ! -x "$console" ]]; then
    echo "screenshot.sh: $console not found; build first (cmake --build $build)" >&2
    exit 1
fi
mkdir -p "$(dirname "$out")"

# A fixed seed so the picture is the same plant every time; a filter and two plots
# so it shows what an operator does in the first minute (live values, trends).
xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$console" --demo --seed 7 \
    --filter "FACTORY_A pump" \
    --plot "FACTORY_A/Pump/PUMP_001/pressure,FACTORY_A/Pump/PUMP_001/flow_rate" \
    --plot "FACTORY_A/Motor/MOTOR_001/speed,FACTORY_A/Motor/MOTOR_001/temperature" \
    --screenshot "$out" --screenshot-after 6000 "$@"
echo "wrote $out"
