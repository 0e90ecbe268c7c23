// Verifies the OpenPGP signature of every commit that `git cat-file --batch` writes to standard
// input, against a keyring file, on JOBS threads (one OpenPGPVerifier each), and prints how many
// commits ended in each status and the time verification took.
//
//   git rev-list HEAD | git cat-file --batch | openpgp-bench KEYRING [JOBS]
import Foundation
import Synchronization
import VouchKit

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: git cat-file --batch < ids | openpgp-bench KEYRING [JOBS]\n".utf8))
    exit(2)
}
let keyring = try OpenPGPKeyring(path: arguments[1], contents: Array(FileManager.default.contents(atPath: arguments[1]) ?? Data()))
let jobs = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 1) : ProcessInfo.processInfo.activeProcessorCount

/// One commit object: its gpgsig header's value and the object without that header.
struct Signed: Sendable { var signature: [UInt8]; var payload: [UInt8] }

func split(_ object: ArraySlice<UInt8>) -> Signed? {
    var signature: [UInt8] = [], payload: [UInt8] = []
    var inHeaders = true, inSignature = false
    var start = object.startIndex
    while start < object.endIndex {
        let end = object[start...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? object.endIndex
        let line = object[start..<end]
        if inHeaders && line.first == UInt8(ascii: "\n") { inHeaders = false }
        if inHeaders && line.starts(with: Array("gpgsig ".utf8)) {
            inSignature = true
            signature += line.dropFirst(7)
        } else if inHeaders && inSignature && line.first == UInt8(ascii: " ") {
            signature += line.dropFirst()
        } else {
            inSignature = false
            payload += line
        }
        start = end
    }
    return signature.isEmpty ? nil : Signed(signature: signature, payload: payload)
}

// `<id> commit <size>\n<object>\n`, one after the other.
let input = Array(FileHandle.standardInput.readDataToEndOfFile())
var commits: [Signed] = []
var unsigned = 0
var position = 0
while position < input.count {
    guard let newline = input[position...].firstIndex(of: UInt8(ascii: "\n")) else { break }
    let header = String(decoding: input[position..<newline], as: UTF8.self).split(separator: " ")
    guard header.count == 3, let size = Int(header[2]) else { break }
    let object = input[(newline + 1)..<(newline + 1 + size)]
    if header[1] == "commit", let signed = split(object) { commits.append(signed) } else { unsigned += 1 }
    position = newline + 1 + size + 1
}

let signed = commits
let counts = Mutex<[String: Int]>([:])
let started = DispatchTime.now()
DispatchQueue.concurrentPerform(iterations: jobs) { job in
    guard let verifier = try? OpenPGPVerifier(keyring: keyring) else { return }
    var local: [String: Int] = [:]
    for index in stride(from: job, to: signed.count, by: jobs) {
        local["\(verifier.verify(signature: signed[index].signature, signedData: signed[index].payload).status)", default: 0] += 1
    }
    counts.withLock { total in total.merge(local, uniquingKeysWith: +) }
}
let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
let summary = counts.withLock { $0 }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
print("commits \(commits.count + unsigned), unsigned \(unsigned), \(summary); verified in \(String(format: "%.1f", milliseconds)) ms on \(jobs) thread(s)")
