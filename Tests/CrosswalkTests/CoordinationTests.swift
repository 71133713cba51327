import Foundation
import Testing
@testable import Crosswalk

/// Split ownership across related requirements in different groups (issue 17, item 4).
@Suite("Coordination findings")
struct CoordinationTests {
    typealias W = SmallWorld
    let a1 = W.r("fa", "1"), a2 = W.r("fa", "2"), a3 = W.r("fa", "3"), b1 = W.r("fb", "1"), b2 = W.r("fb", "2"), b3 = W.r("fb", "3"), b4 = W.r("fb", "4")

    func findings(_ mappings: [Mapping], owners: [(RequirementRef, String)], evidence: [Evidence] = []) -> [CoordinationFinding] {
        let graph = MappingGraph(catalogs: W.catalogs, mappings: mappings)
        let groups = ControlGrouping.groups(of: W.all, primary: "fa", graph: graph, catalogs: W.catalogs)
        let ownership = OwnershipRule.assign(groups, owners: owners.map { OwnerAssignment(requirement: $0.0, person: $0.1, location: SourceLocation(file: "")) },
                                             evidence: evidence)
        return CoordinationRule.findings(ownership, graph: graph)
    }

    @Test func relatedAcrossGroupsWithDifferentOwnersAtStrengthFiveOrMore() {
        let maps = [W.m(a1, .intersectsWith, b1, 6),   // reported
                    W.m(a2, .intersectsWith, b2, 4),   // too weak
                    W.m(a3, .noRelationship, b3, 0),   // examined and unrelated
                    W.m(b4, .supersetOf, a1, 5)]       // reported: superset below the grouping threshold
        let f = findings(maps, owners: [(a1, "x"), (b1, "y"), (a2, "x"), (b2, "y"), (a3, "x"), (b3, "y"), (b4, "z")])
        #expect(f.map(\.summary) == ["fa:1 (CG-001, x) intersects-with 6 fb:1 (CG-005, y)", "fb:4 (CG-008, z) superset-of 5 fa:1 (CG-001, x)"])
        // Same owner: nothing to coordinate.
        #expect(findings(maps, owners: [(a1, "x"), (b1, "x"), (b4, "x")]).isEmpty)
    }

    @Test func insideOneGroupItIsAConflictNotAFinding() {
        // Strength 7 joins b1 to a1's group: a different claim there is an owner conflict.
        #expect(findings([W.m(b1, .intersectsWith, a1, 7)], owners: [(a1, "x"), (b1, "y")]).isEmpty)
    }

    @Test func proposedOrMissingOwnersAreNotSplits() {
        let ev = Evidence(id: "E", title: "e", kind: .record, owner: "p", collected: CalendarDate("2026-01-01")!, status: .approved,
                          claims: [EvidenceClaim(requirement: b1, coverage: .full)])
        #expect(findings([W.m(a1, .intersectsWith, b1, 6)], owners: [(a1, "x")], evidence: [ev]).isEmpty)
        #expect(findings([W.m(a1, .intersectsWith, b1, 6)], owners: [(a1, "x")]).isEmpty)
    }

    @Test func onePerPairTheStrongestMappingReadEitherWay() {
        let f = findings([W.m(b1, .intersectsWith, a1, 5), W.m(a1, .intersectsWith, b1, 6)], owners: [(a1, "x"), (b1, "y")])
        #expect(f.count == 1 && f[0].strength == 6)
        // Read from the other group's side, the relationship is inverted.
        let g = findings([W.m(b1, .supersetOf, a1, 6)], owners: [(a1, "x"), (b1, "y")])
        #expect(g.first?.relationship == .supersetOf && g.first?.subject.requirement == b1)
        #expect(g.first?.readFromObject.relationship == .subsetOf && g.first?.readFromObject.subject.requirement == a1)
    }

    static func deliverables(_ path: String) throws -> (Organization, Deliverables) {
        let file = try InputFile.read(Repo.path(path))
        let (org, _) = try OrganizationLoader.load(file.bytes, file: path, catalogs: Shared.dataset.catalogs)
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: AssessmentOptions(asOf: org.assessmentDate!))
        return (org, Deliverables.build(a, organization: org, dataset: Shared.dataset))
    }

    /// The auditor's conclusion stated in the fixture: logging and testing are split; suppliers,
    /// monitoring (strength 4) and roles (owner only proposed) are not.
    @Test func aSmallOrganisation() throws {
        let (org, d) = try Self.deliverables("Fixtures/organizations/split-ownership.xml")
        let pairs = d.coordination.map { "\($0.subject.requirement) \($0.subject.owner) | \($0.object.requirement) \($0.object.owner)" }
        #expect(pairs == ["iso42001:A.6.2.4 ml-lead | iso27001:A.8.29 ciso", "iso42001:A.6.2.8 cto | iso27001:A.8.15 ciso"])
        // owners.csv lists each on both groups' rows.
        let csv = String(decoding: DeliverablesExport.ownersCSV(d, organization: org, catalogs: Shared.dataset.catalogs), as: UTF8.self)
        #expect(csv.contains(",yes,\"iso42001:A.6.2.8 intersects-with 6 iso27001:A.8.15 (CG-"))
        #expect(csv.contains(",yes,\"iso27001:A.8.15 intersects-with 6 iso42001:A.6.2.8 (CG-"))
        #expect(csv.split(separator: "\r\n").first!.hasSuffix(",coordination,coordinate_with"))
    }

    /// The sample's two built-in split topics both show, and its in-group conflict stays a conflict.
    @Test func theSampleShowsBothBuiltInCases() throws {
        let (_, d) = try SampleDeliverables.get
        let pairs = d.coordination.map { "\($0.subject.requirement) \($0.subject.owner) \($0.relationship.rawValue) \($0.strength) \($0.object.requirement) \($0.object.owner)" }
        #expect(pairs.contains("iso42001:A.6.2.8 cto intersects-with 6 iso27001:A.8.15 ciso"))
        #expect(pairs.contains("iso42001:A.10.3 procurement-lead intersects-with 5 iso27001:A.5.19 ciso"))
        #expect(d.ownership.contains { $0.group.anchor == RequirementRef(.iso42001, "6.1.2") && $0.hasConflict })
    }

    @Test func ownersProblemsPrintsThemEndToEnd() throws {
        let r = try CLITests().run(["owners", "--problems"])
        #expect(r.status == 0)
        #expect(r.out.contains("Coordination findings"))
        let rows = r.out.split(separator: "\n").filter { $0.hasPrefix("iso42001:") }
        #expect(rows.contains { $0.contains("iso42001:A.6.2.8") && $0.contains("cto") && $0.contains("intersects-with 6") && $0.contains("iso27001:A.8.15") && $0.contains("ciso") })
        #expect(rows.contains { $0.contains("iso42001:A.10.3") && $0.contains("procurement-lead") && $0.contains("intersects-with 5") && $0.contains("iso27001:A.5.19") })
    }
}
