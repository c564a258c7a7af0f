#ifndef OMNIAUDIT_CSQLITE_SHIM_H
#define OMNIAUDIT_CSQLITE_SHIM_H

#include <sqlite3.h>

/// `SQLITE_TRANSIENT` is a macro casting -1 to a destructor pointer; Swift cannot import it.
static inline sqlite3_destructor_type omniaudit_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
