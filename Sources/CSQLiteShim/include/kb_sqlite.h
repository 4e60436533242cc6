#ifndef KB_SQLITE_H
#define KB_SQLITE_H

/// SQLite's process-wide settings, which Swift cannot make itself: `sqlite3_config` is variadic. (This header
/// includes nothing, so SQLite's own declarations reach Swift through GRDB's module only.)
///
/// Turns SQLite's memory statistics off: with them on, every allocation and free of SQLite's takes a process-wide
/// mutex to count bytes, and kb reads no such count. Must run before SQLite initializes, i.e. before the process
/// opens its first connection; returns SQLITE_OK (0), or SQLITE_MISUSE (21) when it is too late.
int kb_sqlite_configure(void);

#endif
