import CFuzzerDriver
import Foundation

// vouch-fuzz TARGET [libFuzzer flags and corpus folders…]
let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTarget.all.first(where: { $0.name == arguments[1] }) else {
    var message = "usage: vouch-fuzz TARGET [libFuzzer options] [CORPUS…]\ntargets:\n"
    for target in FuzzTarget.all { message += "  \(target.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(target.summary)\n" }
    FileHandle.standardError.write(Data(message.utf8))
    exit(2)
}

// libFuzzer's callback is a C function pointer, which cannot capture: the target is global.
nonisolated(unsafe) var selected = target
// One run before libFuzzer starts, so that lazily made globals (the fuzz keys, the rule registry)
// exist before it counts allocations: they live as long as the process, which is not a leak.
selected.run([])
// libFuzzer reads its own flags from argv: hand it the program name and what follows the target.
var driverArguments = [arguments[0]] + arguments.dropFirst(2)
var cArguments: [UnsafeMutablePointer<CChar>?] = driverArguments.map { strdup($0) } + [nil]
var argc = Int32(driverArguments.count)
let status = cArguments.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        selected.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
exit(status)
