#!/usr/bin/env bash
# Makes a local PostgreSQL with a `marsad_test` role and database for the PostgreSQL tests.
# Idempotent; run as root on Debian. Installs PostgreSQL when it is missing, starts the cluster
# (listening on localhost), and prints on its last line the export that points the tests at it:
#   eval "$(scripts/ci/setup-postgres.sh | tail -1)"
set -euo pipefail

ROLE=marsad_test
DATABASE=marsad_test
# A throwaway password for a database that only listens on localhost and only holds test data.
PASSWORD=marsad_test

log() { echo "setup-postgres: $*" >&2; }

if ! command -v psql >/dev/null || ! command -v pg_ctlcluster >/dev/null; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql postgresql-contrib >&2
fi

# The newest installed server version, e.g. 15 on Debian 12.
VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
if [ -z "$VERSION" ]; then
  log "no PostgreSQL server under /usr/lib/postgresql"
  exit 1
fi
if [ ! -d "/etc/postgresql/$VERSION/main" ]; then
  log "creating cluster $VERSION/main"
  pg_createcluster "$VERSION" main >&2
fi
if ! pg_ctlcluster "$VERSION" main status >/dev/null 2>&1; then
  log "starting cluster $VERSION/main"
  pg_ctlcluster "$VERSION" main start >&2
fi
PORT=$(pg_conftool -s "$VERSION" main show port 2>/dev/null || echo 5432)

as_postgres() { runuser -u postgres -- psql -p "$PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }

# The server may take a moment to accept connections after a start.
for _ in $(seq 1 30); do
  as_postgres -c 'SELECT 1' >/dev/null 2>&1 && break
  sleep 1
done

as_postgres <<SQL >&2
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD';
  ELSE
    ALTER ROLE $ROLE LOGIN PASSWORD '$PASSWORD';
  END IF;
END
\$\$;
SQL
if [ "$(as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != 1 ]; then
  # UTF-8 whatever locale the cluster was made under (a bare container's default is SQL_ASCII).
  as_postgres -c "CREATE DATABASE $DATABASE OWNER $ROLE ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0" >&2
fi
# Installed once by the superuser, in public, so that every test schema shares it.
as_postgres -d "$DATABASE" -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public' >&2

log "ready: PostgreSQL $VERSION on 127.0.0.1:$PORT, database $DATABASE"
echo "export MARSAD_TEST_PG=postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
