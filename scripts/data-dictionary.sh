#!/usr/bin/env bash
# Regenerates docs/data-dictionary.md from the declared output schemas (uk.pophealth.schema.OutputTables).
# DataDictionaryTest fails while the committed file differs from what this writes.
# Set MVN_OFFLINE=-o to build from the local Maven repository only.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
mvn -B -q -ntp ${MVN_OFFLINE:-} compile dependency:build-classpath -DincludeScope=compile -Dmdep.outputFile=target/classpath.txt
java -cp "target/classes:$(cat target/classpath.txt)" uk.pophealth.publish.DataDictionary docs/data-dictionary.md
