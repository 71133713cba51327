import Foundation
import Testing
@testable import Crosswalk

/// `try await dataset.assess(…)` (issue #18 item 2): on Swift concurrency, cancellable within
/// a bounded time, observable, never wider than the machine, and the same result as the
/// synchronous engine.
@Suite("Async, cancellable, observable assessment")
struct AsyncAssessmentTests {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Double] = []
        func add(_ v: Double) { lock.lock(); values.append(v); lock.unlock() }
        var all: [Double] { lock.lock(); defer { lock.unlock() }; return values }
    }

    /// A generated organisation of `systems` systems, read back as the CLI would.
    static func generated(systems: Int, evidence: Int, seed: UInt64) throws -> Organization {
        let bytes = OrganizationGenerator.generate(GeneratorOptions(systems: systems, evidence: evidence, seed: seed), dataset: Shared.dataset)
        return try OrganizationLoader.load(bytes, file: "generated.xml", catalogs: Shared.dataset.catalogs).organization
    }

    static let large: Organization = { try! generated(systems: 2_000, evidence: 6_000, seed: 18) }()

    @Test func asyncResultEqualsSynchronousResultByteForByte() async throws {
        let org = try Self.generated(systems: 60, evidence: 900, seed: 7)
        let options = AssessmentOptions(asOf: org.assessmentDate!)
        let sync = Shared.dataset.assessment(of: org, options: options)
        for width in [1, 3, nil] {
            var o = options
            o.maxConcurrency = width
            let concurrent = try await Shared.dataset.assess(org, options: o)
            #expect(concurrent == sync, "width \(width.map(String.init) ?? "default")")
            let deliverables = Deliverables.build(sync, organization: org, dataset: Shared.dataset)
            #expect(AssessmentJSON.render(concurrent, deliverables: deliverables, organization: org, catalogs: Shared.dataset.catalogs)
                    == AssessmentJSON.render(sync, deliverables: deliverables, organization: org, catalogs: Shared.dataset.catalogs))
        }
    }

    @Test func sampleAsyncEqualsSync() async throws {
        let file = try InputFile.read(Repo.path("Fixtures/sample/insurer.xml"))
        let org = try OrganizationLoader.load(file.bytes, file: file.path, catalogs: Shared.dataset.catalogs).organization
        let options = AssessmentOptions(asOf: CalendarDate("2026-11-23")!)
        #expect(try await Shared.dataset.assess(org, options: options) == Shared.dataset.assessment(of: org, options: options))
    }

    @Test func progressIsMonotonicAndReachesOne() async throws {
        let org = try Self.generated(systems: 100, evidence: 1_500, seed: 9)
        let seen = Recorder()
        let (updates, sink) = AsyncStream.makeStream(of: Double.self)
        let streamed = Task { var all: [Double] = []; for await v in updates { all.append(v) }; return all }
        _ = try await Shared.dataset.assess(org, options: AssessmentOptions(asOf: org.assessmentDate!, progress: { seen.add($0); sink.yield($0) }))
        sink.finish()
        let values = seen.all
        #expect(values.count >= 50 && values.count <= 101, "at most one report per percent")
        #expect(values == values.sorted() && values.first! > 0 && values.last == 1.0)
        #expect(await streamed.value == values, "an AsyncStream fed by the callback sees every report, in order")
    }

    /// Cancels a run of `org` once it has reported progress, and returns how long it took to
    /// stop, the fraction it had reached and its outcome. Timed with threads, not tasks: the
    /// run and the clock use Dispatch's threads (the run's executor), so tests that hold the
    /// cooperative pool meanwhile do not stretch the measurement.
    @available(macOS 15.0, *)
    static func cancelMidway(_ org: Organization, limiter: ConcurrencyLimiter?) -> (seconds: Double, reached: Double?, outcome: Result<Assessment, any Error>?) {
        let progress = Recorder()
        let started = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        let options = AssessmentOptions(asOf: org.assessmentDate!, progress: { v in
            progress.add(v)
            if progress.all.count == 1 { started.signal() }
        })
        let task = Task(executorPreference: AssessmentExecutor.shared) {
            do {
                let a = if let limiter {
                    try await EngineRun(org: org, dataset: Shared.dataset, options: options).assessConcurrently(limiter: limiter)
                } else {
                    try await Shared.dataset.assess(org, options: options)
                }
                outcome.set(.success(a))
            } catch {
                outcome.set(.failure(error))
            }
            finished.signal()
        }
        guard started.wait(timeout: .now() + 120) == .success else { task.cancel(); return (.infinity, nil, nil) }
        let reached = progress.all.last
        let cancelledAt = DispatchTime.now()
        task.cancel()
        let stopped = finished.wait(timeout: .now() + 60) == .success
        let seconds = stopped ? Double(DispatchTime.now().uptimeNanoseconds - cancelledAt.uptimeNanoseconds) / 1e9 : .infinity
        return (seconds, reached, outcome.value)
    }

    final class OutcomeBox: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<Assessment, any Error>?
        func set(_ r: Result<Assessment, any Error>) { lock.lock(); result = r; lock.unlock() }
        var value: Result<Assessment, any Error>? { lock.lock(); defer { lock.unlock() }; return result }
    }

    @available(macOS 15.0, *)
    @Test(.timeLimit(.minutes(3))) func cancellingA2000SystemAssessmentReturnsWithinASecond() throws {
        let org = Self.large
        #expect(org.systems.count == 2_000)
        let (seconds, reached, outcome) = Self.cancelMidway(org, limiter: nil)
        #expect(seconds < 1, "returned \(seconds) s after cancel")
        #expect((reached ?? 1) < 0.5, "cancelled well before the end")
        #expect(throws: CancellationError.self) { try outcome?.get() }
    }

    /// The same with a limiter of its own: every permit comes back after the cancellation.
    @available(macOS 15.0, *)
    @Test(.timeLimit(.minutes(3))) func aCancelledRunReturnsEveryPermit() throws {
        let limiter = ConcurrencyLimiter(permits: 2)
        let (seconds, _, outcome) = Self.cancelMidway(Self.large, limiter: limiter)
        #expect(seconds < 1, "returned \(seconds) s after cancel")
        #expect(throws: CancellationError.self) { try outcome?.get() }
        #expect(limiter.availablePermits == 2, "every permit returned")
    }

    @Test func aCancelledTaskDoesNotStart() async throws {
        let org = try Self.generated(systems: 5, evidence: 50, seed: 1)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await Shared.dataset.assess(org, options: AssessmentOptions(asOf: org.assessmentDate!))
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    /// Many tenants at once: the shared limiter never lets more chunks run than it has
    /// permits, and every run gives the result it gives alone.
    @Test func manyTenantsShareTheLimiter() async throws {
        let limiter = ConcurrencyLimiter(permits: 2)
        let orgs = try (0..<6).map { try Self.generated(systems: 8, evidence: 80, seed: UInt64(100 + $0)) }
        let peak = PeakCounter()
        let results = try await withThrowingTaskGroup(of: (Int, Assessment).self) { group in
            for (i, org) in orgs.enumerated() {
                group.addTask {
                    let run = EngineRun(org: org, dataset: Shared.dataset, options: AssessmentOptions(asOf: org.assessmentDate!, progress: { _ in peak.sample(limiter) }))
                    return (i, try await run.assessConcurrently(limiter: limiter))
                }
            }
            var out = [Assessment?](repeating: nil, count: orgs.count)
            for try await (i, a) in group { out[i] = a }
            return out
        }
        #expect(peak.maxHeld <= 2 && peak.maxHeld >= 1)
        #expect(limiter.availablePermits == 2)
        for (i, org) in orgs.enumerated() {
            #expect(results[i] == Shared.dataset.assessment(of: org, options: AssessmentOptions(asOf: org.assessmentDate!)))
        }
    }

    @Test func limiterWaitersAreCancellable() async throws {
        let limiter = ConcurrencyLimiter(permits: 1)
        try await limiter.acquire()
        let waiter = Task { try await limiter.acquire() }
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        limiter.release()
        #expect(limiter.availablePermits == 1)
    }

    final class PeakCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var peak = 0
        func sample(_ l: ConcurrencyLimiter) { let held = l.permits - l.availablePermits; lock.lock(); peak = max(peak, held); lock.unlock() }
        var maxHeld: Int { lock.lock(); defer { lock.unlock() }; return peak }
    }
}
