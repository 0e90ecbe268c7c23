import Synchronization

/// Batches whose work is done, waiting to be released by the thread that read them.
///
/// glibc's allocator locks the arena a block came from whenever another thread frees it. Freed
/// where they were used, the commits' bytes kept the judging threads waiting on the first-parent
/// thread's arena (a few hundred milliseconds over a 100,000-commit history) while it read on.
final class SpentBatches<Element: Sendable>: Sendable {
    private let batches = Mutex<[[Element]]>([])

    func put(_ batch: [Element]) {
        batches.withLock { $0.append(batch) }
    }

    /// Frees the batches put so far, on the calling thread.
    func release() {
        let released = batches.withLock { batches in
            defer { batches = [] }
            return batches
        }
        _ = consume released
    }
}
