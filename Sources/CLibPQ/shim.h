// PostgreSQL's client library, libpq, for the store's PostgreSQL engine. No logic here.
#ifndef ESPOMAIL_CLIBPQ_SHIM_H
#define ESPOMAIL_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
