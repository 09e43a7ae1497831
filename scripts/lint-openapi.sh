#!/usr/bin/env bash
# Lints an OpenAPI document with Redocly CLI (web/ devDependency @redocly/cli) against
# redocly.yaml at the repository root: the `recommended` ruleset, with the exceptions
# that file explains. Exits non-zero on any error or warning.
#
#   scripts/lint-openapi.sh [document]   default: the document build/rapport serves
#                                         (`build/rapport openapi`, assembled from the base
#                                         src/api/openapi.json and each area's fragment);
#                                         `-` reads stdin
#
# Runs offline: telemetry is off (redocly.yaml and REDOCLY_TELEMETRY), the update check is
# suppressed, and the document may hold only local ($ref "#/...") references, which this
# script checks before Redocly would try to fetch anything.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

doc="${1:-}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [[ -z "$doc" ]]; then
  if [[ ! -x "$ROOT/build/rapport" ]]; then
    echo "lint-openapi: build/rapport is missing (scripts/build.sh builds it), or name a document" >&2
    exit 2
  fi
  doc="$tmp/openapi.json"
  "$ROOT/build/rapport" openapi >"$doc"
elif [[ "$doc" == "-" ]]; then
  doc="$tmp/openapi.json"
  cat >"$doc"
elif [[ ! -f "$doc" ]]; then
  echo "lint-openapi: no such file: $doc" >&2
  exit 2
fi
doc="$(cd "$(dirname "$doc")" && pwd)/$(basename "$doc")"

if [[ ! -x "$ROOT/web/node_modules/.bin/redocly" ]]; then
  echo "lint-openapi: Redocly CLI is not installed; run 'npm ci' in web/" >&2
  exit 2
fi

# Only local references: a remote $ref would make Redocly go to the network.
node - "$doc" <<'EOF'
const fs = require("node:fs");
const file = process.argv[2];
let doc;
try {
  doc = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (e) {
  console.error(`lint-openapi: ${file} is not valid JSON: ${e.message}`);
  process.exit(1);
}
const bad = [];
(function walk(node, pointer) {
  if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${pointer}/${i}`));
  if (node === null || typeof node !== "object") return;
  for (const [k, v] of Object.entries(node)) {
    const here = `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (k === "$ref" && typeof v === "string" && !v.startsWith("#")) bad.push(`${here}: ${v}`);
    walk(v, here);
  }
})(doc, "#");
if (bad.length) {
  console.error(`lint-openapi: only local references (#/...) are allowed:\n  ${bad.join("\n  ")}`);
  process.exit(1);
}
EOF

# Redocly exits 0 when there are only warnings, so the verdict comes from its JSON report.
status=0
(cd "$ROOT/web" && REDOCLY_SUPPRESS_NOTIFICATIONS=true npm run --silent lint:api -- "$doc" --format json \
  --max-problems 1000 >"$tmp/report.json") || status=$?
node - "$tmp/report.json" "$doc" "$status" <<'EOF'
const fs = require("node:fs");
const [reportFile, doc, status] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(fs.readFileSync(reportFile, "utf8"));
} catch (e) {
  console.error(`lint-openapi: Redocly gave no report (exit ${status}): ${e.message}`);
  process.exit(1);
}
for (const p of report.problems) {
  const at = p.location?.[0];
  const where = at?.start ? `${at.start.line}:${at.start.col}` : "";
  console.log(`${doc}:${where} ${p.severity} ${p.ruleId}: ${p.message} (${at?.pointer ?? ""})`);
}
const { errors, warnings } = report.totals;
console.log(`lint-openapi: ${doc}: ${errors} errors, ${warnings} warnings (Redocly CLI ${report.version})`);
process.exit(errors + warnings > 0 || status !== "0" ? 1 : 0);
EOF
