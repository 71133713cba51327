import Foundation

/// A counting semaphore for Swift concurrency: at most `permits` holders at once, waiters
/// served in arrival order, and a waiting task that is cancelled stops waiting at once
/// (with `CancellationError`).
///
/// The engine's parallel work takes a permit from ``shared`` for each chunk, so many
/// assessments running at the same time in one process (many tenants against one
/// ``Dataset``) share the machine's cores instead of each taking all of them.
final class ConcurrencyLimiter: @unchecked Sendable {
    /// One permit per active processor, shared by every assessment in the process.
    static let shared = ConcurrencyLimiter(permits: ProcessInfo.processInfo.activeProcessorCount)

    private let lock = NSLock()
    private var available: Int
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID: UInt64 = 0
    let permits: Int

    init(permits: Int) {
        self.permits = max(permits, 1)
        available = self.permits
    }

    /// Waits for a permit; call ``release()`` once for each successful call.
    /// - Throws: `CancellationError` when the task is cancelled before it gets one.
    func acquire() async throws {
        try Task.checkCancellation()
        let id: UInt64 = lock.withLock { nextID += 1; return nextID }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
                lock.lock()
                if Task.isCancelled {
                    lock.unlock()
                    c.resume(throwing: CancellationError())
                } else if available > 0 {
                    available -= 1
                    lock.unlock()
                    c.resume()
                } else {
                    waiters.append((id, c))
                    lock.unlock()
                }
            }
        } onCancel: {
            lock.lock()
            if let i = waiters.firstIndex(where: { $0.id == id }) {
                let w = waiters.remove(at: i)
                lock.unlock()
                w.continuation.resume(throwing: CancellationError())
            } else {
                lock.unlock()
            }
        }
    }

    /// Returns a permit: to the longest waiter, else to the pool.
    func release() {
        lock.lock()
        if waiters.isEmpty {
            available += 1
            lock.unlock()
        } else {
            let w = waiters.removeFirst()
            lock.unlock()
            w.continuation.resume()
        }
    }

    /// Permits not held (for tests).
    var availablePermits: Int { lock.withLock { available } }
}
