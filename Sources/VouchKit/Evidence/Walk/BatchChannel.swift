/// Batches from one stage of a walk to the next, at most a few batches ahead.
final class BatchChannel<Element: Sendable>: Sendable {
    let batchSize = 256

    private struct State: Sendable {
        var batches: [[Element]] = []
        var finished = false
        /// How many batches receivers have taken.
        var taken = 0
        var status = HandOffStatus()
    }

    private let state = SignalledState(State())

    /// Hands over a batch; false when the receiving side was told to stop.
    func put(_ batch: [Element]) -> Bool {
        state.wait { state in
            if state.status.cancelled { return false }
            guard state.batches.count < HandOffStatus.capacity else { return nil }
            state.batches.append(batch)
            return true
        }
    }

    /// The sending side is done, or failed with `error`.
    func finish(_ error: (any Error)?) {
        state.update { state in
            state.finished = true
            state.status.keepFailure(error)
        }
    }

    /// Tells the sending side to stop: a blocked or later `put` returns false.
    func cancel() { state.update { $0.status.cancelled = true } }

    /// The next batch; nil at the end; the sending side's error, if it failed.
    func take() throws -> [Element]? { try takeNumbered()?.batch }

    /// The next batch with its place in the order batches were sent (0, 1, 2…), for receivers
    /// that take batches on several threads and must put their results back in order.
    func takeNumbered() throws -> (number: Int, batch: [Element])? {
        let outcome: Result<(number: Int, batch: [Element])?, any Error> = state.wait { state in
            if !state.batches.isEmpty {
                state.taken += 1
                return .success((state.taken - 1, state.batches.removeFirst()))
            }
            guard state.finished else { return nil }
            return state.status.failure.map { .failure($0) } ?? .success(nil)
        }
        return try outcome.get()
    }

    func waitUntilFinished() { state.wait { $0.finished ? () : nil } }
}
