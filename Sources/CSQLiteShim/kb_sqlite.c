#include <sqlite3.h>

#include "kb_sqlite.h"

int kb_sqlite_configure(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
