import Testing
@testable import Crosswalk

/// The layouts and shared structures that keep an assessment of 10,000 systems within its
/// memory budget (`Docs/Performance.md`, "Engine-stage memory").
@Suite("Compact storage of cells and report indices")
struct CompactStorageTests {
    /// A cell's inline size: a CalendarDate of 4 bytes brought the stride from 160 to 136.
    @Test func cellLayout() {
        #expect(MemoryLayout<CalendarDate>.size == 4)
        #expect(MemoryLayout<Cell>.stride <= 136)
    }

    /// One map of evidence positions serves every report: each id maps to the first item
    /// with that id, and titles read through it are the register's.
    @Test func evidencePositionsMapEveryIDToItsFirstItem() throws {
        let (org, d) = try SampleDeliverables.get
        let positions = EvidencePositions(org)
        let map = positions.map
        #expect(map.count == Set(org.evidence.map(\.id)).count)
        for (i, e) in org.evidence.enumerated() {
            let first = try #require(map[e.id])
            #expect(Int(first) <= i && org.evidence[Int(first)].id == e.id)
            #expect(org.evidence[..<Int(first)].allSatisfy { $0.id != e.id })
        }
        let join = CellJoin(deliverables: d, organization: org, positions: positions)
        for c in SampleGoldenTests.assessment.cells where !c.evidence.isEmpty {
            #expect(join.evidenceTitles(c) == c.evidence.map { id in org.evidence.first { $0.id == id }?.title ?? "" })
        }
        #expect(join.evidenceTitle("no-such-id") == "")
    }

    /// Execution-gap cells of one requirement share one (capped) evidence list, and their
    /// reason lists the same ids, with the rest counted.
    @Test func executionGapCellsOfARequirementShareTheirCappedList() throws {
        let cells = SampleGoldenTests.assessment.cells.filter { $0.status == .executionGap }
        try #require(!cells.isEmpty)
        var buffer: [RequirementRef: UnsafeRawPointer?] = [:]
        for c in cells {
            let base = c.evidence.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
            if let first = buffer[c.requirement] { #expect(first == base, "\(c.requirement) \(c.system ?? "")") } else { buffer[c.requirement] = base }
            #expect(c.evidence.count <= AssessmentOptions(asOf: SampleGoldenTests.assessment.asOf).evidencePerCell)
            switch c.reason {
            case let .executionGap(_, process), let .unjustifiedExclusion(.executionGap(_, process)), let .mandatoryExcluded(_, _, .executionGap(_, process)):
                #expect(process == c.evidence)
            default: break
            }
        }
    }
}
