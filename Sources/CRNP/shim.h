#ifndef VOUCH_CRNP_SHIM_H
#define VOUCH_CRNP_SHIM_H
#include <rnp/rnp.h>
#include <rnp/rnp_err.h>
#endif
