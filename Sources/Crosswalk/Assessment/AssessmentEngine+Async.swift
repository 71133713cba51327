/// The engine on Swift concurrency: the same requirements, cells and merge as the
/// synchronous run (so the same assessment, byte for byte), computed in chunks by a task
/// group of bounded width, each chunk holding a permit of ``ConcurrencyLimiter/shared``.
extension EngineRun {
    /// Chunks per unit of width: enough to balance uneven requirements, few enough to keep
    /// the per-chunk overhead small.
    static let chunksPerWorker = 8

    func assessConcurrently(limiter: ConcurrencyLimiter = .shared) async throws -> Assessment {
        if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *) {
            return try await withTaskExecutorPreference(AssessmentExecutor.shared) { try await self.runChunks(limiter: limiter) }
        }
        return try await runChunks(limiter: limiter)
    }

    private func runChunks(limiter: ConcurrencyLimiter) async throws -> Assessment {
        let (work, catalogs) = workItems()
        let width = max(1, min(options.maxConcurrency ?? limiter.permits, limiter.permits))
        let chunkCount = max(1, min(work.count, width * Self.chunksPerWorker))
        // Contiguous ranges of work, in order.
        let bounds = (0...chunkCount).map { $0 * work.count / chunkCount }
        let counter = options.progress.map { ProgressCounter(total: work.count, report: $0) }
        var chunks = [[RequirementCells]](repeating: [], count: chunkCount)
        try await withThrowingTaskGroup(of: (Int, [RequirementCells]).self) { group in
            var next = 0
            func addChunk() {
                let c = next
                next += 1
                group.addTask {
                    try await limiter.acquire()
                    defer { limiter.release() }
                    var out: [RequirementCells] = []
                    out.reserveCapacity(bounds[c + 1] - bounds[c])
                    for i in bounds[c]..<bounds[c + 1] {
                        // Between requirements: a cancelled run stops within one requirement's time.
                        try Task.checkCancellation()
                        out.append(self.cells(work[i]))
                        counter?.step()
                    }
                    return (c, out)
                }
            }
            while next < min(width, chunkCount) { addChunk() }
            while let (c, cells) = try await group.next() {
                chunks[c] = cells
                if next < chunkCount { addChunk() }
            }
        }
        try Task.checkCancellation()
        var results = chunks.flatMap { $0 }
        chunks = []
        let count = results.reduce(0) { $0 + $1.cells.count }
        // Each result is let go as it is merged.
        return merge(count: count, take: { i in
            let r = results[i]
            results[i] = RequirementCells()
            return r
        }, work: work, catalogs: catalogs)
    }
}

extension Dataset {
    /// Assesses `organization` against every framework in scope, on Swift concurrency.
    ///
    /// Requirements are assessed in chunks by a task group at most
    /// ``AssessmentOptions/maxConcurrency`` wide (default: the active processor count); every
    /// chunk also takes a permit from one limiter shared by the whole process, so many
    /// assessments running at once (one per tenant, against the same `Dataset`) together use
    /// at most one thread per processor. The result is the same, byte for byte, as
    /// ``assessment(of:options:)``'s, whatever the width. Progress is reported through
    /// ``AssessmentOptions/progress`` (rising to 1).
    ///
    /// ```swift
    /// let assessment = try await dataset.assess(organization, options: AssessmentOptions(asOf: date))
    /// ```
    /// - Throws: `CancellationError` when the task is cancelled; the run checks between
    ///   requirements, so it stops within the time one requirement takes.
    /// - Complexity: as ``assessment(of:options:)``.
    public func assess(_ organization: Organization, options: AssessmentOptions) async throws -> Assessment {
        let a = try await EngineRun(org: organization, dataset: self, options: options).assessConcurrently()
        FreedMemory.release(ifCells: a.cells.count)
        return a
    }

    /// Assesses `organization` synchronously, blocking the caller (on Dispatch's threads):
    /// the convenience for command-line tools and scripts. See ``assess(_:options:)``.
    /// - Complexity: O(C + R·(S·r + k)) for C claims, R requirements, S systems, r routes
    ///   (relations) of a requirement and k claims reached through them.
    public func assessment(of organization: Organization, options: AssessmentOptions) -> Assessment {
        AssessmentEngine.assess(organization, dataset: self, options: options)
    }
}
