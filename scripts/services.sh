#!/usr/bin/env bash
# Installs (Debian 12, as root) and starts the services the whole test suite needs:
# PostgreSQL and Redis on 127.0.0.1, the Docker engine without bridge networking,
# Chromium and npm for browser tests, debootstrap for the sandbox image, poppler for PDF checks.
# Idempotent: a second run reuses what is there.
set -euo pipefail

log() { printf '[services] %s\n' "$*"; }

if [ "$(id -u)" != 0 ]; then
  log "not root: cannot install or start services; tests that need them will be skipped."
  exit 0
fi

packages=()
command -v dockerd >/dev/null || packages+=(docker.io)
[ -x /usr/lib/postgresql/15/bin/postgres ] || packages+=(postgresql)
command -v redis-server >/dev/null || packages+=(redis-server)
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v npm >/dev/null || packages+=(npm)  # installs the pinned axe-core (make axe-core)
command -v debootstrap >/dev/null || packages+=(debootstrap)
command -v pdftoppm >/dev/null || packages+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || packages+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ ${#packages[@]} -gt 0 ]; then
  log "installing: ${packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# PostgreSQL 15 with a test role and database.
if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
  pg_createcluster 15 main >/dev/null
fi
pg_ctlcluster 15 main start 2>/dev/null || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
pg_isready -q -h 127.0.0.1 || { log "PostgreSQL did not start"; exit 1; }
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ -z "$(psql_admin -c "select 1 from pg_roles where rolname = 'kodprov'")" ]; then
  psql_admin -c "create role kodprov login password 'kodprov' createdb"
fi
# Dropping a test database WITH (FORCE) must also end the server's own workers on it
# (autovacuum), which takes this role.
psql_admin -c "grant pg_signal_backend to kodprov" >/dev/null
if [ -z "$(psql_admin -c "select 1 from pg_database where datname = 'kodprov_test'")" ]; then
  psql_admin -c "create database kodprov_test owner kodprov"
fi
log "PostgreSQL ready: postgresql://kodprov:kodprov@127.0.0.1:5432/kodprov_test"

# Redis on loopback, no persistence.
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >/dev/null
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
log "Redis ready: redis://127.0.0.1:6379"

# Docker engine: no bridge, no iptables; sandbox containers always use network "none".
if ! docker info >/dev/null 2>&1; then
  nohup dockerd --bridge=none --iptables=false --ip-forward=false \
    >/var/log/kodprov-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
fi
docker info >/dev/null 2>&1 || { log "Docker did not start; see /var/log/kodprov-dockerd.log"; exit 1; }
log "Docker ready: $(docker version --format '{{.Server.Version}}')"
log "Chromium: $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
