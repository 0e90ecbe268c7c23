#ifndef VOUCH_RNP_DIAGNOSTICS_H
#define VOUCH_RNP_DIAGNOSTICS_H

/// RNP's diagnostics dropped on the calling thread between begin and end (calls nest). Debian's
/// librnp writes a line to the C stderr stream for each key or signature it rejects; neither
/// rnp_ffi_set_log_fd (only the FFI's own messages) nor RNP_LOG_CONSOLE (read by release builds
/// only) switches that off. The first begin replaces the process's stderr stream, once, by one
/// that writes to descriptor 2 as before, except from a thread between begin and end.
///
/// install makes the replacement (begin does too); it must come before the first RNP context
/// is created, since a context keeps the stderr stream it was created with and closes it when
/// destroyed unless it is stderr then.
void vouch_rnp_diagnostics_install(void);
void vouch_rnp_diagnostics_begin(void);
void vouch_rnp_diagnostics_end(void);

#endif
