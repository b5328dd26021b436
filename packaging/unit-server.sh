#!/usr/bin/env bash
# Sets up a unit's shared record on this Debian 12 machine (the unit server): installs
# PostgreSQL, creates the database, the role that owns it and the role the tablets and the desk
# connect as, runs `vigil db migrate --app-role`, and prints the URI for the devices' settings.
#
#   sudo packaging/unit-server.sh [--database vigil] [--owner vigil_owner] [--app-role ward_app]
#                                 [--host unit-server.example] [--allow 10.20.0.0/16]
#                                 [--vigil /usr/bin/vigil]
#
# Idempotent: what exists already is kept (a second run upgrades the schema and grants again).
# The tablets' role gets a password that is written to a root-only file in libpq's password-file
# format, never to the command line or the settings: copy that line into each device's ~/.pgpass.
# --allow CIDR lets devices of that network connect, over TLS only (hostssl, scram-sha-256).
set -euo pipefail

database=vigil owner=vigil_owner app=ward_app host=$(hostname -f 2>/dev/null || hostname)
allow="" vigil=""
while (($#)); do
  case $1 in
    --database) database=$2; shift 2 ;;
    --owner) owner=$2; shift 2 ;;
    --app-role) app=$2; shift 2 ;;
    --host) host=$2; shift 2 ;;
    --allow) allow=$2; shift 2 ;;
    --vigil) vigil=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unit-server: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for name in "$database" "$owner" "$app"; do
  [[ $name =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || {
    echo "unit-server: \"$name\" is not accepted as a name: lower-case letters, digits and _" >&2
    exit 2
  }
done
((EUID == 0)) || { echo "unit-server: run as root (it installs and configures PostgreSQL)" >&2; exit 2; }
if [[ -z $vigil ]]; then
  vigil=$(command -v vigil || true)
  [[ -n $vigil ]] || vigil=$(cd "$(dirname "$0")/.." && pwd)/build/release/vigil
fi
[[ -x $vigil ]] || { echo "unit-server: no vigil at $vigil: install the package or pass --vigil" >&2; exit 2; }

if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed"; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then pg_createcluster "$version" main; fi
pg_ctlcluster "$version" main start 2>/dev/null || true
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@"; }

exists() { [[ $(psql_admin -c "$1") == 1 ]]; }
exists "SELECT 1 FROM pg_roles WHERE rolname = '$owner'" ||
  psql_admin -c "CREATE ROLE $owner NOLOGIN"
exists "SELECT 1 FROM pg_roles WHERE rolname = '$app'" || {
  psql_admin -c "CREATE ROLE $app LOGIN"
  secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  # Through stdin, never argv: the password is not seen in the process list.
  printf "ALTER ROLE %s PASSWORD '%s';\n" "$app" "$secret" | psql_admin
  umask 077
  echo "$host:5432:$database:$app:$secret" >"/root/vigil-$app.pgpass"
}
exists "SELECT 1 FROM pg_database WHERE datname = '$database'" ||
  psql_admin -c "CREATE DATABASE $database OWNER $owner"
psql_admin -c "REVOKE ALL ON DATABASE $database FROM PUBLIC; GRANT CONNECT ON DATABASE $database TO $app"

# The schema belongs to the owning role: the migration runs as postgres, in that role.
runuser -u postgres -- "$vigil" db migrate \
  --db "postgresql:///$database?host=/var/run/postgresql&options=-c%20role%3D$owner" \
  --app-role "$app"

if [[ -n $allow ]]; then
  conf=/etc/postgresql/$version/main
  line="hostssl $database $app $allow scram-sha-256"
  grep -qxF "$line" "$conf/pg_hba.conf" || echo "$line" >>"$conf/pg_hba.conf"
  grep -q "^listen_addresses" "$conf/postgresql.conf" ||
    echo "listen_addresses = '*'" >>"$conf/postgresql.conf"
  pg_ctlcluster "$version" main restart
fi

cat <<EOT
The unit's record is ready: database $database, owned by $owner; devices connect as $app.
Put this in each device's settings (~/.config/vigil/settings.toml):
  database = "postgresql://$app@$host/$database?sslmode=verify-full"
and the line in /root/vigil-$app.pgpass into that user's ~/.pgpass (mode 0600).
sslmode=verify-full needs the server's certificate from the hospital's CA in
/etc/postgresql/$version/main (ssl_cert_file, ssl_key_file) and that CA in each device's
~/.postgresql/root.crt. Back up with: runuser -u postgres -- pg_dump -Fc $database > vigil.dump
EOT
