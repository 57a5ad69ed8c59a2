#!/bin/sh
# A CI step: push a fact to Atrium's scorecards, then gate on the entity's level in a track
# (or on one check). Exit 0: the gate passed; 1: not met (HTTP 412, the reason is printed);
# 2: any other failure (bad token, unknown entity, fact refused, Atrium unreachable).
#
#   ATRIUM_URL=https://atrium.example.com ATRIUM_TOKEN=<static external access token> \
#     sh ci-gate.sh component:default/shop ci:default/coverage '{"percent":91}' basic-health 3
#
# Set GATE_CHECK=<checkId> to gate on that check instead of a track level.
set -eu
if [ $# -lt 4 ]; then
  echo "usage: ci-gate.sh <entityRef> <factRef> <json data> <trackId> [level]" >&2
  exit 2
fi
entity=$1 fact=$2 data=$3 track=$4 level=${5:-}
api="${ATRIUM_URL:?set ATRIUM_URL}/api/scorecards"
auth="authorization: Bearer ${ATRIUM_TOKEN:?set ATRIUM_TOKEN}"
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT

body=$(printf '{"facts":[{"factRef":"%s","entityRef":"%s","data":%s}]}' "$fact" "$entity" "$data")
status=$(curl -sS -o "$answer" -w '%{http_code}' -X POST "$api/facts" \
  -H "$auth" -H 'content-type: application/json' --data-binary "$body") || status=000
if [ "$status" != 200 ]; then
  echo "ci-gate: pushing $fact for $entity answered $status: $(cat "$answer")" >&2
  exit 2
fi

if [ -n "${GATE_CHECK:-}" ]; then
  set -- --data-urlencode "checkId=$GATE_CHECK"
else
  set -- --data-urlencode "trackId=$track"
  if [ -n "$level" ]; then set -- "$@" --data-urlencode "level=$level"; fi
fi
status=$(curl -sS -G -o "$answer" -w '%{http_code}' "$api/gate" -H "$auth" \
  --data-urlencode "entityRef=$entity" "$@") || status=000
case "$status" in
  200) echo "ci-gate: passed: $(cat "$answer")" ;;
  412) echo "ci-gate: not met: $(cat "$answer")" >&2; exit 1 ;;
  *) echo "ci-gate: the gate answered $status: $(cat "$answer")" >&2; exit 2 ;;
esac
