#!/usr/bin/env bash
set -Eeuo pipefail

# Reads VAR or VAR_FILE into VAR.
read_secret() {
	local name="$1" default="${2:-}"
	local file_var="${name}_FILE"
	if [ -n "${!name:-}" ] && [ -n "${!file_var:-}" ]; then
		printf >&2 'both %s and %s are set\n' "$name" "$file_var"
		exit 1
	fi
	local value="$default"
	if [ -n "${!file_var:-}" ]; then
		value="$(< "${!file_var}")"
	fi
	export "$name"="$value"
	unset "$file_var"
}

run_init_scripts() {
	local f
	for f in /docker-entrypoint.d/*; do
		case "$f" in
			*.sh)
				if [ -x "$f" ]; then
					echo "$0: running $f"; "$f"
				else
					echo "$0: sourcing $f"; . "$f"
				fi
				;;
			*.sql)    echo "$0: applying $f"; psql -f "$f"; echo ;;
			*.sql.gz) gunzip -c "$f" | psql; echo ;;
			*)        echo "$0: ignoring $f" ;;
		esac
	done
}

if [ "${1:0:1}" = '-' ]; then
	set -- app-server "$@"
fi

if [ "$1" = 'app-server' ] && [ "$(id -u)" = '0' ]; then
	find /data \! -user app -exec chown app '{}' +
	exec gosu app "$BASH_SOURCE" "$@"
fi

read_secret DB_PASSWORD
: "${PORT:=8080}"
cat > /etc/app.conf <<-EOCONF
	listen = ${PORT}
	password = ${DB_PASSWORD}
	EOCONF
run_init_scripts
exec "$@"
