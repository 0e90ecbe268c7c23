import Foundation
import Synchronization

/// The library's one way of running work on other threads: dedicated threads, each handed what
/// it owns with `sending`, meeting the others only in `SignalledState`s.
///
/// Why threads and not tasks: the work is libgit2 reads and YAML parsing, which block and never
/// suspend, and the history walk's stages wait on each other's batches. On Swift's cooperative
/// pool (one thread per core) blocked stages would starve the ones they wait for.
enum WorkerThread {
    /// Runs `work` on a new thread with `stage`, which moves there (the compiler checks that
    /// nothing else still reaches it), then `finish` with its error (nil when it completed).
    static func start<Stage>(_ stage: sending Stage, _ work: @escaping @Sendable (inout Stage) throws -> Void, finishing finish: @escaping @Sendable ((any Error)?) -> Void) {
        let parcel = Parcel(stage)
        let thread = Thread {
            guard var stage = parcel.take() else { return }
            do {
                try work(&stage)
                finish(nil)
            } catch {
                finish(error)
            }
        }
        // Deep trees and documents recurse; the default stack of a secondary thread is small.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// `transform` of 0..<count, spread over one thread per core (the calling thread among
    /// them), each taking the next index when done with one; the results in index order.
    /// With `threads`, that many at most instead (for work that waits on the network, not the CPU).
    static func map<Value: Sendable>(_ count: Int, threads limit: Int? = nil, _ transform: @escaping @Sendable (Int) -> Value) -> [Value] {
        let threads = min(count, limit ?? ProcessInfo.processInfo.activeProcessorCount)
        guard threads > 1 else { return (0..<count).map(transform) }
        let progress = SignalledState(MapProgress<Value>(count: count))
        @Sendable func work() {
            var done: [(Int, Value)] = []
            while let index = progress.update({ $0.claim() }) { done.append((index, transform(index))) }
            progress.update { $0.deliver(done) }
        }
        for _ in 1..<threads {
            start(()) { _ in work() } finishing: { _ in }
        }
        work()
        return progress.wait { $0.results }
    }
}

/// A value on its way to another thread: put in once, taken out once. Sendable because the mutex
/// guards it, and the value can only be put in with `sending`.
private final class Parcel<Value>: Sendable {
    private let content: Mutex<Value?>

    init(_ value: sending Value) { content = Mutex(value) }

    func take() -> sending Value? { content.withLock { $0.take() } }
}

/// The shared part of `WorkerThread.map`: the next index to hand out and the results so far.
private struct MapProgress<Value: Sendable>: Sendable {
    let count: Int
    private var next = 0
    private var slots: [Value?]
    private var delivered = 0

    init(count: Int) {
        self.count = count
        slots = Array(repeating: nil, count: count)
    }

    mutating func claim() -> Int? {
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    mutating func deliver(_ done: [(Int, Value)]) {
        for (index, value) in done { slots[index] = value }
        delivered += done.count
    }

    /// All results once every index was delivered.
    var results: [Value]? { delivered == count ? slots.map { $0! } : nil }
}
