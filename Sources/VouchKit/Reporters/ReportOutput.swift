/// Where a streamed report is written: standard output or a file, as the command line opens it.
/// The library writes into it and never prints.
public protocol ReportOutput: AnyObject {
    func write(_ text: String)
    func write(bytes: UnsafeRawBufferPointer)
    /// A second output for what must wait for something known only at the end (the JSON
    /// report's changes wait for their count and digest, which come first).
    func scratch() throws -> any ReportOutput
    /// Copies a scratch output here, then discards it.
    func append(_ scratch: any ReportOutput) throws
}
