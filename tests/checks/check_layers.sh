#!/bin/bash
# The layers point one way (docs/architecture.md §2): ui/ reaches data only through the service
# facades, models/ is pure QtCore, services/ never includes ui/ or app/. Exit 1 naming each
# offending include. Usage: check_layers.sh [repository root]
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root"
failed=0
offend() { printf '%s\n' "$1"; failed=1; }

# ui/: no client libraries, no connections, repositories or thread-side cores.
ui_forbidden='#include [<"]([^>"]*/)?(libpq-fe\.h|hiredis\.h|amqp\.h|keychain\.h|pgconnection\.h|[a-z]*repository\.h|databaseservice\.h|databasecore\.h|notificationlistener\.h|listenercore\.h|redisclient\.h|http[a-z]*\.h|kpisnapshotbuilder\.h|servicethread\.h|qnetworkaccessmanager\.h|QNetworkAccessManager|QNetworkReply|QSqlDatabase)[>"]'
while IFS= read -r hit; do offend "ui/ reaches I/O directly: $hit"; done < <(grep -rnE "$ui_forbidden" ui/ || true)

# models/: QtCore and models/ only.
while IFS= read -r hit; do offend "models/ depends on another layer: $hit"; done < <(
  grep -rnE '#include [<"](services|ui|app|sandbox)/|#include <Qt(Gui|Widgets|Network|Sql|Charts)|#include <(QWidget|QNetwork[A-Za-z]*)>' models/ || true)

# services/: never the layers above it.
while IFS= read -r hit; do offend "services/ depends on a layer above it: $hit"; done < <(
  grep -rnE '#include [<"](ui|app|sandbox)/' services/ || true)

if [ "$failed" -ne 0 ]; then
  echo "check_layers: the layers above must not be reached this way (docs/architecture.md §2)."
  exit 1
fi
echo "check_layers: ui/, services/ and models/ point one way."
