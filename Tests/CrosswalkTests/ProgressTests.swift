import Testing
import Foundation
@testable import Crosswalk

/// Progress of long runs (issue #14 item 3): the loader reports the fraction of the file
/// read and the engine the fraction of requirements assessed, rising to 100 %, and the
/// result does not depend on whether anyone listens.
@Suite("Progress of ingest and engine")
struct ProgressTests {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Double] = []
        func add(_ v: Double) { lock.lock(); values.append(v); lock.unlock() }
        var all: [Double] { lock.lock(); defer { lock.unlock() }; return values }
    }

    @Test func loaderAndEngineReportRisingFractionsToOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-progress-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("generated.xml").path
        try OrganizationGenerator.write(GeneratorOptions(systems: 200, evidence: 30_000, seed: 3), dataset: Shared.dataset, to: path)

        let reading = Recorder()
        let loaded = try OrganizationLoader.load(contentsOf: path, catalogs: Shared.dataset.catalogs, progress: { reading.add($0) })
        #expect(reading.all.count > 2, "a multi-megabyte file reports several steps")
        #expect(reading.all == reading.all.sorted() && reading.all.last == 1.0)
        #expect(loaded.organization.evidence.count == 30_000)

        let assessing = Recorder()
        let date = loaded.organization.assessmentDate!
        let watched = AssessmentEngine.assess(loaded.organization, dataset: Shared.dataset,
                                              options: AssessmentOptions(asOf: date, progress: { assessing.add($0) }))
        #expect(assessing.all.count >= 50 && assessing.all.count <= 101, "at most one report per percent")
        #expect(assessing.all == assessing.all.sorted() && assessing.all.last == 1.0)
        let unwatched = AssessmentEngine.assess(loaded.organization, dataset: Shared.dataset, options: AssessmentOptions(asOf: date))
        #expect(watched.cells == unwatched.cells)
    }
}
