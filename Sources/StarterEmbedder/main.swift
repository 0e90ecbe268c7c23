import Foundation

// Writes a Swift file holding the starter program's files as string literals.
// Usage: StarterEmbedder OUTPUT ROOT RELATIVE-PATH...
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: StarterEmbedder OUTPUT ROOT PATH...\n".utf8))
    exit(2)
}

func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

let root = URL(fileURLWithPath: arguments[2])
var source = "// Generated at build time from the repository's program files. Do not edit.\n\n"
source += "enum StarterProgramFiles {\n    static let files: [(path: String, contents: String)] = [\n"
for path in arguments.dropFirst(3) {
    let contents = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    source += "        (\(literal(path)), \(literal(contents))),\n"
}
source += "    ]\n}\n"
try source.write(toFile: arguments[1], atomically: true, encoding: .utf8)
