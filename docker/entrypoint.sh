#!/bin/sh
# worker (default) runs a worker process; "cli ..." runs the CLI.
set -e
case "$1" in
  worker) shift; exec java -jar /app/syncfleet.jar "$@" ;;
  cli) shift; exec java -cp /app/syncfleet.jar io.syncfleet.producer.cli.SyncfleetCli "$@" ;;
  *) exec "$@" ;;
esac
