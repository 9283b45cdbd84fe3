#!/bin/bash
# Entry point of paradigms/postgres:15-local (see the Dockerfile for why it exists).
#
# On first start: initdb, configure, create POSTGRES_DB, all WITHOUT starting a server
# (the official image starts a temporary one). Then `exec postgres`, so the server is
# started exactly once, runs in the foreground as PID 1 and gets Docker's stop signal.
set -euo pipefail

# Like the official image: `docker run IMAGE -c fsync=off` means `postgres -c fsync=off`.
if [[ "${1:-}" == -* ]]; then
    set -- postgres "$@"
fi

# Any other command (bash, psql, ...) runs as it is, without touching the data directory.
if [[ "${1:-}" != postgres ]]; then
    exec "$@"
fi

user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}
auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}

# PG_VERSION exists once initdb has run: a restarted container keeps its data.
if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
    if [[ -z "${POSTGRES_PASSWORD:-}" && "$auth" != trust ]]; then
        echo 'error: POSTGRES_PASSWORD is not set (or set POSTGRES_HOST_AUTH_METHOD=trust)' >&2
        exit 1
    fi

    # The superuser is POSTGRES_USER, as in the official image. The password goes
    # through a pipe, never a file or the command line. --no-sync: a test database
    # need not survive a power cut, and the fsync of a fresh cluster costs seconds.
    # Local (socket) connections are trusted, remote ones need the password.
    initdb --username="$user" --pwfile=<(printf '%s\n' "${POSTGRES_PASSWORD:-}") \
        --encoding=UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host="$auth" \
        --no-sync >/dev/null

    # initdb only admits 127.0.0.1 and ::1; the tests connect through Docker's port
    # mapping, i.e. from the bridge gateway, so admit every host (with the password).
    echo "host all all all $auth" >> "$PGDATA/pg_hba.conf"

    # listen_addresses defaults to localhost only. fsync=off because this is a
    # throw-away test database (Testcontainers also passes -c fsync=off).
    cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '*'
fsync = off
CONF

    # Create the database in single-user mode: no postmaster, no socket, no ready line.
    # Double any double quote so that any name is a valid quoted identifier.
    # exit_on_error: single-user mode otherwise reports an error and still exits 0.
    if [[ "$db" != postgres ]]; then
        echo "CREATE DATABASE \"${db//\"/\"\"}\";" \
            | postgres --single -D "$PGDATA" -c exit_on_error=on postgres >/dev/null
    fi
    echo 'paradigms: database initialised; starting the server'
fi

# PGDATA is in the environment, so `postgres` finds its data directory.
exec "$@"
