// uchardet (Mozilla's universal charset detector, Debian's libuchardet-dev) for Swift. No logic here.
#ifndef ESPOMAIL_CUCHARDET_SHIM_H
#define ESPOMAIL_CUCHARDET_SHIM_H
#include <uchardet/uchardet.h>
#endif
