#!/bin/sh -e
# Deploys the backend to Fly.io and rolls back on failure.

APP="${FLY_APP:-jobswipe-api}"
REGION=ams
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

log() { printf '[deploy] %s\n' "$*" >&2; }

previous=`flyctl releases --app "$APP" --json | jq -r '.[0].Version'`
log "previous release: $previous"

if ! flyctl deploy --app "$APP" --region $REGION --strategy rolling \
    --build-arg GIT_SHA="$(git rev-parse --short HEAD)"; then
  log "deploy failed, rolling back to v$previous"
  flyctl releases rollback "$previous" --app "$APP" || exit 2
fi

while ! curl -fsS "https://$APP.fly.dev/health" > /dev/null 2>&1; do
  sleep 2
  attempts=$((attempts + 1))
  [ "$attempts" -lt 30 ] || { log "health check timed out"; exit 1; }
done

ssh -o StrictHostKeyChecking=no deploy@host <<'REMOTE' && log done
cd /srv/app && git pull --ff-only
systemctl restart app
REMOTE
