#define _GNU_SOURCE
#include "RNPDiagnostics.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#if defined(__GLIBC__)

/// How many begins the calling thread is inside.
static _Thread_local unsigned quiet;

/// The replacement stream's writer: descriptor 2, unless the writing thread is quiet.
static ssize_t forward(void *cookie, const char *buffer, size_t size) {
    (void)cookie;
    if (quiet > 0) return (ssize_t)size;
    size_t done = 0;
    while (done < size) {
        ssize_t written = write(STDERR_FILENO, buffer + done, size - done);
        if (written < 0) {
            if (errno == EINTR) continue;
            return done > 0 ? (ssize_t)done : -1;
        }
        done += (size_t)written;
    }
    return (ssize_t)size;
}

static pthread_once_t installed = PTHREAD_ONCE_INIT;

static void install(void) {
    cookie_io_functions_t functions = { .read = NULL, .write = forward, .seek = NULL, .close = NULL };
    FILE *stream = fopencookie(NULL, "w", functions);
    if (stream == NULL) return;
    // Unbuffered, as stderr is: each write reaches descriptor 2 at once, in order.
    setvbuf(stream, NULL, _IONBF, 0);
    fflush(stderr);
    // glibc's stderr is an ordinary variable, which a program may assign.
    stderr = stream;
}

void vouch_rnp_diagnostics_install(void) {
    pthread_once(&installed, install);
}

void vouch_rnp_diagnostics_begin(void) {
    pthread_once(&installed, install);
    quiet++;
}

void vouch_rnp_diagnostics_end(void) {
    if (quiet > 0) quiet--;
}

#else

// Elsewhere RNP's diagnostics are left as they are.
void vouch_rnp_diagnostics_install(void) {}
void vouch_rnp_diagnostics_begin(void) {}
void vouch_rnp_diagnostics_end(void) {}

#endif
