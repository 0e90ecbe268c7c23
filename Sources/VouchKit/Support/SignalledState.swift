import Foundation
import Synchronization

/// State that threads change and wait on: a `Mutex` guards it, and a condition wakes the threads
/// that wait for it to change. The compiler checks that it is Sendable: the state is reached only
/// through the mutex, and the condition only ever guards the waiting itself.
///
/// A waiter holds the condition's lock from looking at the state until it sleeps, and whoever
/// changes the state holds that lock too, so no change goes unnoticed. Every access to the state
/// is thereby made under the condition's pthread lock as well as the `Mutex`: ThreadSanitizer
/// sees the former, not the futex inside `Mutex` on Linux, and would report the state's accesses
/// as races. The `Mutex` stays for the compiler, which checks through it that the state is
/// reached only while locked.
final class SignalledState<State: Sendable>: Sendable {
    private let state: Mutex<State>
    private let changed = NSCondition()

    init(_ initial: State) { state = Mutex(initial) }

    /// Changes the state and wakes every waiting thread.
    @discardableResult
    func update<Result: Sendable, E: Error>(_ change: (inout State) throws(E) -> Result) throws(E) -> Result {
        changed.lock()
        defer {
            changed.broadcast()
            changed.unlock()
        }
        return try state.withLock { (state: inout State) throws(E) -> Result in try change(&state) }
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
}
