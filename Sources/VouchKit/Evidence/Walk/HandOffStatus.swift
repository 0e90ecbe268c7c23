/// What every hand-off between a walk's threads tracks beside its batches: whether the receiving
/// side told the sending side to stop (it failed, or wants nothing more), and the sending side's
/// failure.
struct HandOffStatus: Sendable {
    /// At most this many batches wait in a hand-off, so memory stays bounded whichever side is faster.
    static let capacity = 8

    var cancelled = false
    /// The first error a sending thread ended with; a stop asked for is no failure.
    private(set) var failure: (any Error)?

    mutating func keepFailure(_ error: (any Error)?) {
        if failure == nil, let error, !(error is CancellationError) { failure = error }
    }
}
