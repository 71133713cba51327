import Dispatch

/// Two independent computations run at once, on Dispatch's threads (each writes only its own
/// result, so the values do not depend on which finishes first).
enum InParallel {
    private final class Results<A, B>: @unchecked Sendable {
        var a: A?
        var b: B?
    }

    /// `a()` and `b()`, computed at the same time; returns when both are done.
    static func pair<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let results = Results<A, B>()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { results.a = a() } else { results.b = b() }
        }
        return (results.a!, results.b!)
    }
}
