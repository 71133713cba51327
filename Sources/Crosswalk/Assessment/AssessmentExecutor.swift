import Dispatch

/// Where ``Dataset/assess(_:options:)`` runs its chunks: Dispatch's global concurrent
/// threads, not Swift's cooperative pool.
///
/// The engine's chunks are CPU-bound work of tens of milliseconds each. On the cooperative
/// pool (one thread per processor, shared by every task of the process) they would hold its
/// threads while they run, and a server assessing one tenant would answer nobody else's
/// requests meanwhile; conversely, tasks that block the cooperative pool would stall the
/// assessment and its cancellation. As a task executor preference (Swift 6, SE-0417) the
/// run's tasks execute here instead; ``ConcurrencyLimiter/shared`` still bounds them to one
/// chunk per processor in the whole process.
@available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
final class AssessmentExecutor: TaskExecutor {
    static let shared = AssessmentExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        DispatchQueue.global(qos: .userInitiated).async { job.runSynchronously(on: executor) }
    }
}
