#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests: made with initdb in a temporary folder, run by
# pg_ctl as an unprivileged user (PostgreSQL refuses to run as root), listening on loopback
# only, on a free port and on a Unix socket in that folder. No system service is used.
#
#   scripts/postgres.sh start DIR   makes and starts a cluster in DIR (empty or missing; as root,
#                                   DIR is given to the cluster's user, so its parent must be
#                                   one that user can enter, such as /tmp);
#                                   prints its URL (postgres://USER@127.0.0.1:PORT/postgres)
#                                   and writes it to DIR/url
#   scripts/postgres.sh stop DIR    stops it (fast shutdown); the folder stays for the caller
#
# A missing PostgreSQL is an error, never a skip: setup.sh installs Debian's `postgresql`.
set -euo pipefail
command=${1:-}
dir=${2:-}
[ -n "$command" ] && [ -n "$dir" ] || { echo "usage: postgres.sh start|stop DIR" >&2; exit 2; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "postgres: PostgreSQL is not installed (bash scripts/setup.sh installs it)" >&2; exit 1; }
user=kasanepg
as_user() {
  if [ "$(id -u)" -eq 0 ]; then
    id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}
case "$command" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && { id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"; chown "$user" "$dir"; }
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_user "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    url="postgres://$user@127.0.0.1:$port/postgres"
    echo "$url" > "$dir/url"
    echo "$url"
    ;;
  stop)
    [ -d "$dir/data" ] && as_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: postgres.sh start|stop DIR" >&2; exit 2 ;;
esac
