extension String {
    /// The text with each Unicode scalar for which `replacement` gives a string replaced by it;
    /// the escaping of report formats (XML, workflow commands) in one loop.
    func escapingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var output = ""
        output.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let replaced = replacement(scalar) {
                output += replaced
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
