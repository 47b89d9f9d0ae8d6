#!/usr/bin/env bash
# Installs (if missing) and starts a local PostgreSQL 15 from Debian's packages, and makes
# a login role `sourcing` whose random password lives only in ~/.pgpass (0600), which
# Npgsql reads. Safe to run any number of times. Source it to get PG* variables.
set -euo pipefail

PGPORT="${SOURCING_PGPORT:-5432}"
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  echo "==> Installerar PostgreSQL 15 (Debian-paket)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql-15 postgresql-client-15 >/dev/null
fi
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}' | grep -qx "15/main"; then
  pg_createcluster 15 main --port "$PGPORT" >/dev/null
fi
status=$(pg_lsclusters -h | awk '$1=="15" && $2=="main" {print $4}')
if [ "$status" != "online" ]; then
  pg_ctlcluster 15 main start
fi
PGPORT=$(pg_lsclusters -h | awk '$1=="15" && $2=="main" {print $3}')

pgpass="${HOME}/.pgpass"
if ! grep -qs "^127.0.0.1:${PGPORT}:\*:sourcing:" "$pgpass"; then
  pw=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
  touch "$pgpass"; chmod 600 "$pgpass"
  sed -i "/^127.0.0.1:${PGPORT}:\*:sourcing:/d" "$pgpass"
  echo "127.0.0.1:${PGPORT}:*:sourcing:${pw}" >> "$pgpass"
  # Role exists from an earlier run with another password: reset it.
  runuser -u postgres -- psql -p "$PGPORT" -qtA -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sourcing') THEN
    CREATE ROLE sourcing LOGIN CREATEDB PASSWORD '${pw}';
  ELSE
    ALTER ROLE sourcing LOGIN CREATEDB PASSWORD '${pw}';
  END IF;
END \$\$;
SQL
fi
# SOURCING_PGDATABASE lets a second demo (another work tree) use its own database.
PGDATABASE_NAME="${SOURCING_PGDATABASE:-sourcing}"
if ! runuser -u postgres -- psql -p "$PGPORT" -qtA -c "SELECT 1 FROM pg_database WHERE datname='${PGDATABASE_NAME}'" | grep -q 1; then
  runuser -u postgres -- createdb -p "$PGPORT" -O sourcing "$PGDATABASE_NAME"
fi
export SOURCING_PGPORT="$PGPORT"
export ConnectionStrings__Sourcing="Host=127.0.0.1;Port=${PGPORT};Database=${PGDATABASE_NAME};Username=sourcing"
echo "==> PostgreSQL kör på 127.0.0.1:${PGPORT} (databas ${PGDATABASE_NAME}, lösenord i ~/.pgpass)"
