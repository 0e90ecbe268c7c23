/// Batches that several threads work on at once, handed on in the order they were numbered
/// (`BatchChannel.takeNumbered()`). A thread that is more than a few batches ahead of the next
/// one due waits, so memory stays bounded; the one working on the next batch never waits.
final class OrderedBatches<Batch: Sendable>: Sendable {
    private struct State: Sendable {
        var ready: [Int: Batch] = [:]
        /// The number of the batch `take` hands on next.
        var next = 0
        /// Threads putting batches that have not finished yet.
        var producers: Int
        var status = HandOffStatus()
    }

    private let state: SignalledState<State>

    init(producers: Int) { state = SignalledState(State(producers: producers)) }

    /// Hands over batch `number`; false when the receiving side was told to stop.
    func put(_ batch: Batch, number: Int) -> Bool {
        state.wait { state in
            if state.status.cancelled { return false }
            guard number < state.next + HandOffStatus.capacity else { return nil }
            state.ready[number] = batch
            return true
        }
    }

    /// One of the putting threads is done, or failed with `error` (the first failure is kept).
    func producerFinished(_ error: (any Error)?) {
        state.update { state in
            state.producers -= 1
            state.status.keepFailure(error)
        }
    }

    /// Tells the putting threads to stop: a blocked or later `put` returns false.
    func cancel() { state.update { $0.status.cancelled = true } }

    /// The next batch in order; nil at the end; a putting thread's error, if one failed.
    func take() throws -> Batch? {
        let outcome: Result<Batch?, any Error> = state.wait { state in
            if let batch = state.ready.removeValue(forKey: state.next) {
                state.next += 1
                return .success(batch)
            }
            guard state.producers == 0 else { return nil }
            return state.status.failure.map { .failure($0) } ?? .success(nil)
        }
        return try outcome.get()
    }

    func waitUntilFinished() { state.wait { $0.producers == 0 ? () : nil } }
}
