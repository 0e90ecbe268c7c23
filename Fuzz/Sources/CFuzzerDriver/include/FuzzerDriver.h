#ifndef VOUCH_FUZZER_DRIVER_H
#define VOUCH_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver (compiler-rt, FuzzerInterface.h): parses libFuzzer's flags from argv and
   calls `callback` with each input until a limit or a crash. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
