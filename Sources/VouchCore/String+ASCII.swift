extension String {
    /// A string of `length` ASCII bytes that `write` puts straight into its storage: ids and
    /// timestamps are spelled for every change of long histories, without a buffer in between.
    @inlinable
    package init(ascii length: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        self.init(unsafeUninitializedCapacity: length) { text in
            write(text)
            return length
        }
    }
}
