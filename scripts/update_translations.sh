#!/usr/bin/env bash
# Refresh the translation sources from the code: every tr()/translate() string of ui/ goes into
# resources/translations/intake_<lang>.ts (existing translations are kept, vanished ones dropped).
# Translate the new entries with Qt Linguist (.venv/bin/pyside6-linguist) or any .ts editor;
# the set-up (scripts/setup.sh build_translations) compiles them to .qm. English is the source
# language: intake_en.ts needs no translations. A new language is a new intake_<lang>.ts here.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
mapfile -t SOURCES < <(git ls-files --cached --others --exclude-standard 'ui/*.py' 'ui/**/*.py' | sort)
for ts in resources/translations/intake_*.ts; do
  lang=$(basename "$ts" .ts); lang=${lang#intake_}
  .venv/bin/pyside6-lupdate "${SOURCES[@]}" -ts "$ts" -no-obsolete -locations none -source-language en \
    -target-language "$lang"
done
