#ifndef KASANE_CLIBICAL_SHIM_H
#define KASANE_CLIBICAL_SHIM_H
#include <libical/ical.h>
#endif
