/// A report output kept in memory, for whole documents.
final class StringReportOutput: ReportOutput {
    private(set) var bytes: [UInt8] = []

    func write(_ text: String) { bytes.append(contentsOf: text.utf8) }
    func write(bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }
    func scratch() -> any ReportOutput { StringReportOutput() }
    func append(_ scratch: any ReportOutput) { if let scratch = scratch as? StringReportOutput { bytes += scratch.bytes } }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
