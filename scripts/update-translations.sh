#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources (lupdate over app ui models kafka), then
# lists what still needs a translator. New and changed strings come in as "unfinished";
# fill them with Qt Linguist (`linguist translations/ndh_zh_TW.ts`) or an editor, and
# tst_translations stays red until every string is translated.
# Usage: scripts/update-translations.sh            refresh and report
#        scripts/update-translations.sh --check    report only (exit 1 if anything is open)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
lupdate="$(command -v /usr/lib/qt6/bin/lupdate || command -v lupdate6 || command -v lupdate || true)"

if [[ "${1:-}" != "--check" ]]; then
    [[ -x "$lupdate" ]] || { echo "update-translations: lupdate (Qt 6) not found; install qt6-l10n-tools" >&2; exit 2; }
    # No line numbers: a catalogue changes when strings change, not when code moves.
    "$lupdate" -silent -locations none -no-obsolete -extensions cpp,h app ui models kafka \
        -ts translations/ndh_zh_TW.ts translations/ndh_zh_CN.ts 2> >(grep -v "cannot be called without context" >&2)
fi

open=0
for ts in translations/ndh_*.ts; do
    n=$(grep -c 'type="unfinished"' "$ts" || true)
    total=$(grep -c '<message' "$ts" || true)
    echo "$ts: $total strings, $n not translated"
    open=$((open + n))
done
[[ "$open" -eq 0 ]]
