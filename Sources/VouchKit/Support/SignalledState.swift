import Foundation
import Synchronization

/// State that threads change and wait on: a `Mutex` guards it, and a condition wakes the threads
/// that wait for it to change. The compiler checks that it is Sendable: the state is reached only
/// through the mutex, and the condition only ever guards the waiting itself.
///
/// A waiter holds the condition's lock from looking at the state until it sleeps, and whoever
/// changes the state takes that lock before waking the waiters, so no change goes unnoticed.
final class SignalledState<State: Sendable>: Sendable {
    private let state: Mutex<State>
    private let changed = NSCondition()

    init(_ initial: State) { state = Mutex(initial) }

    /// Changes the state and wakes every waiting thread.
    @discardableResult
    func update<Result: Sendable, E: Error>(_ change: (inout State) throws(E) -> Result) throws(E) -> Result {
        let result = try state.withLock { (state: inout State) throws(E) -> Result in try change(&state) }
        wakeWaiters()
        return result
    }

    /// Blocks until `attempt` returns a result; it may change the state when it does, and the
    /// other waiting threads are woken then.
    func wait<Result: Sendable>(for attempt: (inout State) -> Result?) -> Result {
        changed.lock()
        defer { changed.unlock() }
        while true {
            if let result = state.withLock({ (state: inout State) -> Result? in attempt(&state) }) {
                changed.broadcast()
                return result
            }
            changed.wait()
        }
    }

    private func wakeWaiters() {
        changed.lock()
        changed.broadcast()
        changed.unlock()
    }
}
