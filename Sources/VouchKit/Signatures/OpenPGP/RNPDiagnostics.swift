internal import CRNPDiagnostics

/// RNP's own diagnostics kept out of vouch's output. Debian's librnp is built with them on: it
/// writes a line to the C `stderr` stream for each key or signature it rejects, and no RNP call
/// switches that off (`rnp_ffi_set_log_fd` covers only the FFI's own messages; `RNP_LOG_CONSOLE`
/// is read by release builds only). Every RNP call that may reject something runs inside
/// `silenced`: on that thread, for that time, what is written to the C `stderr` stream is
/// dropped (CRNPDiagnostics). Other threads, and output written to descriptor 2 directly, as
/// the commands write theirs, are untouched.
enum RNPDiagnostics {
    /// Makes the replacement stream. Called before every RNP context is created: a context
    /// keeps the stream `stderr` was when it was created, and closes it on destruction unless
    /// `stderr` is still that stream (so a context made before the replacement would close
    /// descriptor 2).
    static func install() { vouch_rnp_diagnostics_install() }

    static func silenced<Result>(_ body: () throws -> Result) rethrows -> Result {
        vouch_rnp_diagnostics_begin()
        defer { vouch_rnp_diagnostics_end() }
        return try body()
    }
}
