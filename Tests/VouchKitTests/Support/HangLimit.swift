import Foundation
import Testing

extension Trait where Self == TimeLimitTrait {
    /// A time limit that catches a hung walk: `minutes` normally, ten times as long under a
    /// sanitizer (`script/sanitize` sets VOUCH_SANITIZER), which slows every run several-fold.
    static func hangLimit(minutes: Int) -> Self {
        .timeLimit(.minutes(ProcessInfo.processInfo.environment["VOUCH_SANITIZER"] == nil ? minutes : minutes * 10))
    }
}
