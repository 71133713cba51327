import Foundation
import Testing
@testable import Crosswalk

/// Three small frameworks: `fa` (primary), `fb`, `fc`, four requirements each.
struct SmallWorld {
    static func catalog(_ fw: FrameworkID, obligation: Obligation = .mandatory) -> Catalog {
        Catalog(framework: fw, uuid: "u-\(fw)", title: "\(fw)", version: "1", oscalVersion: "1.2.0", edition: "1", licence: nil, remarks: "", source: "",
                entries: ["1", "2", "3", "4"].map {
                    CatalogEntry(id: "x\($0)", label: $0, title: "\(fw) requirement \($0)", kind: .control, isRequirement: true, scope: .system, obligation: obligation)
                })
    }
    static let catalogs = CatalogSet([catalog("fa"), catalog("fb"), catalog("fc")])
    static func r(_ fw: FrameworkID, _ label: String) -> RequirementRef { RequirementRef(fw, label) }
    static func m(_ s: RequirementRef, _ rel: Relationship, _ t: RequirementRef, _ strength: Int) -> Mapping {
        Mapping(source: s, target: t, relationship: rel, strength: strength, rationale: .semantic, justification: "test")
    }
    static var all: [RequirementRef] { ["fa", "fb", "fc"].flatMap { fw in ["1", "2", "3", "4"].map { r(FrameworkID(fw), $0) } } }
    static func groups(_ mappings: [Mapping], requirements: [RequirementRef] = all) -> [ControlGroup] {
        ControlGrouping.groups(of: requirements, primary: "fa", graph: MappingGraph(catalogs: catalogs, mappings: mappings), catalogs: catalogs)
    }
    static func group(of ref: RequirementRef, in groups: [ControlGroup]) -> ControlGroup? { groups.first { $0.requirements.contains(ref) } }
}

@Suite("Control groups")
struct ControlGroupTests {
    typealias W = SmallWorld
    let a1 = W.r("fa", "1"), a2 = W.r("fa", "2"), b1 = W.r("fb", "1"), b2 = W.r("fb", "2"), b3 = W.r("fb", "3"), c1 = W.r("fc", "1"), c2 = W.r("fc", "2")

    @Test func equalAndSubsetJoinAtAnyStrengthWeakOverlapsDoNot() {
        let g = W.groups([W.m(b1, .equalTo, a1, 10), W.m(b2, .subsetOf, a1, 3), W.m(b3, .intersectsWith, a1, 5), W.m(c1, .intersectsWith, a1, 7)])
        let a1Group = W.group(of: a1, in: g)!
        #expect(a1Group.anchor == a1)
        #expect(a1Group.requirements == [a1, b1, b2, c1])
        #expect(a1Group.members.map(\.membership.summary) == ["anchor", "equal-to 10", "subset-of 3", "intersects-with 7"])
        // b3 overlaps only weakly: it anchors a group of its own.
        #expect(W.group(of: b3, in: g)?.anchor == b3)
        // Every requirement is in exactly one group.
        #expect(g.flatMap(\.requirements).sorted() == W.all.sorted())
    }

    @Test func neverSnowballsThroughChainsOfOverlaps() {
        // a1 ~ b1 ~ c1 ~ b2: strong overlaps pairwise, but c1 has no relation of its own to a1.
        let g = W.groups([W.m(b1, .intersectsWith, a1, 9), W.m(c1, .intersectsWith, b1, 9), W.m(c1, .intersectsWith, b2, 9)])
        #expect(W.group(of: a1, in: g)!.requirements == [a1, b1])
        // b2 anchors its own group (fb's turn), and c1 joins it through its own relation.
        #expect(W.group(of: c1, in: g)!.anchor == b2)
        // A derived subset chain through a subset is sound and joins; one through an overlap is not drawn.
        let h = W.groups([W.m(c2, .subsetOf, b3, 8), W.m(b3, .subsetOf, a2, 6)])
        #expect(W.group(of: c2, in: h)!.anchor == a2)
        #expect(W.group(of: c2, in: h)!.members.last!.membership == .related(relationship: .subsetOf, strength: 6, derived: true))
    }

    @Test func joinsTheBestAnchor() {
        let g = W.groups([W.m(b1, .intersectsWith, a1, 9), W.m(b1, .subsetOf, a2, 4)])
        #expect(W.group(of: b1, in: g)!.anchor == a2)
        let h = W.groups([W.m(b1, .intersectsWith, a1, 8), W.m(b1, .intersectsWith, a2, 9)])
        #expect(W.group(of: b1, in: h)!.anchor == a2)
    }

    @Test func theSameGroupsWhateverTheInputOrder() {
        let mappings = [W.m(b1, .equalTo, a1, 10), W.m(b2, .subsetOf, a1, 3), W.m(c1, .intersectsWith, a2, 8), W.m(c2, .supersetOf, b3, 7), W.m(b3, .intersectsWith, a2, 6)]
        let expected = W.groups(mappings)
        var rng = SplitMix(seed: 42)
        for _ in 0..<20 {
            let shuffled = W.groups(mappings.shuffled(using: &rng), requirements: W.all.shuffled(using: &rng))
            #expect(shuffled == expected)
        }
        #expect(expected.map(\.id) == (1...expected.count).map { String(format: "CG-%03d", $0) })
    }

    @Test func theSampleGroupsAreSound() throws {
        let (_, d) = try SampleDeliverables.get
        for g in d.groups {
            #expect(g.members.first?.membership == .anchor)
            for m in g.members.dropFirst() {
                guard case let .related(rel, strength, _) = m.membership else { Issue.record("\(m.requirement) has no reason"); continue }
                // The member relates to the anchor itself, by a qualifying relation.
                #expect(ControlGrouping.joinRank(rel, strength: strength) != nil)
                #expect(Shared.dataset.graph.explain(m.requirement, g.anchor).contains { $0.relationship == rel && $0.strength == strength })
            }
        }
    }
}

/// The sample organisation's assessment and deliverables, computed once.
enum SampleDeliverables {
    static let value: Result<(Organization, Deliverables), Error> = Result {
        let file = try InputFile.read(Repo.path("Fixtures/sample/insurer.xml"))
        let (org, _) = try OrganizationLoader.load(file.bytes, file: "sample/insurer.xml", catalogs: Shared.dataset.catalogs)
        return (org, Deliverables.build(SampleGoldenTests.assessment, organization: org, dataset: Shared.dataset))
    }
    static var get: (Organization, Deliverables) { get throws { try value.get() } }
}

/// A small deterministic generator for shuffling in tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Ownership")
struct OwnershipTests {
    typealias W = SmallWorld
    let a1 = W.r("fa", "1"), b1 = W.r("fb", "1"), b2 = W.r("fb", "2"), c1 = W.r("fc", "1")
    var group: ControlGroup {
        W.groups([W.m(b1, .equalTo, a1, 10), W.m(b2, .subsetOf, a1, 8), W.m(c1, .subsetOf, a1, 8)]).first { $0.anchor == a1 }!
    }
    func assign(_ pairs: [(RequirementRef, String)]) -> [OwnerAssignment] {
        pairs.map { OwnerAssignment(requirement: $0.0, person: $0.1, location: SourceLocation(file: "")) }
    }

    @Test func anAssignmentOnTheAnchorWinsAndOthersAreConflicts() {
        let o = OwnershipRule.assign([group], owners: assign([(b1, "ciso"), (b2, "ciso"), (a1, "cdo"), (c1, "cdo")]))[0]
        #expect(o.owner == "cdo" && o.basis == .anchorAssignment)
        #expect(o.otherClaims == [OwnerClaim(person: "ciso", requirement: b1), OwnerClaim(person: "ciso", requirement: b2)])
        #expect(o.hasConflict && !o.isUnowned)
    }

    @Test func otherwiseTheOwnerOfMostMembersTiesToTheEarliest() {
        let most = OwnershipRule.assign([group], owners: assign([(b1, "dpo"), (b2, "ciso"), (c1, "ciso")]))[0]
        #expect(most.owner == "ciso" && most.basis == .mostMembers && most.otherClaims == [OwnerClaim(person: "dpo", requirement: b1)])
        let tie = OwnershipRule.assign([group], owners: assign([(c1, "ciso"), (b1, "dpo")]))[0]
        #expect(tie.owner == "dpo")
    }

    @Test func otherwiseProposedFromTheEvidenceOrUnowned() {
        func evidence(_ id: String, _ owner: String, _ req: RequirementRef) -> Evidence {
            Evidence(id: id, title: id, kind: .record, owner: owner, collected: nil, validUntil: nil, reviewDays: nil, status: .approved,
                     claims: [EvidenceClaim(requirement: req, coverage: .full)], systems: [], locationURI: "", sha256: "", location: SourceLocation(file: ""))
        }
        let proposed = OwnershipRule.assign([group], owners: [], evidence: [evidence("E1", "qa", b2), evidence("E2", "ml", c1), evidence("E3", "ml", b1)])[0]
        #expect(proposed.owner == "ml" && proposed.basis == .evidenceOwner && !proposed.hasConflict)
        let none = OwnershipRule.assign([group], owners: [])[0]
        #expect(none.owner == nil && none.basis == .unowned && none.isUnowned)
    }

    @Test func theSampleShowsItsBuiltInConflict() throws {
        let (_, d) = try SampleDeliverables.get
        let risk = try #require(d.ownership.first { $0.group.anchor == RequirementRef(.iso42001, "6.1.2") })
        #expect(risk.owner == "compliance-officer" && risk.basis == .anchorAssignment)
        #expect(risk.otherClaims == [OwnerClaim(person: "ciso", requirement: RequirementRef(.iso27001, "6.1.2"))])
        // A.10.3 and A.5.19 overlap at strength 5 only: two groups, so two owners and no conflict.
        let suppliers = try #require(d.ownership.first { $0.group.anchor == RequirementRef(.iso42001, "A.10.3") })
        #expect(!suppliers.group.requirements.contains(RequirementRef(.iso27001, "A.5.19")))
    }
}

@Suite("Remediation plan")
struct RemediationTests {
    typealias W = SmallWorld

    /// An assessment over `fa`…`fc` with the given cells, two systems: HIGH (high risk) and LOW (minimal).
    func plan(_ cells: [Cell], mappings: [Mapping] = [], owners: [OwnerAssignment] = []) -> [RemediationAction] {
        var org = Organization(name: "T")
        var high = AISystem(id: "HIGH", name: "H"); high.riskTier = .high
        var low = AISystem(id: "LOW", name: "L"); low.riskTier = .minimal
        org.systems = [high, low]
        org.owners = owners
        let refs = cells.map(\.requirement)
        let groups = ControlGrouping.groups(of: refs, primary: "fa", graph: MappingGraph(catalogs: W.catalogs, mappings: mappings), catalogs: W.catalogs)
        let ownership = OwnershipRule.assign(groups, owners: org.owners)
        let a = Assessment(organization: "T", asOf: CalendarDate("2026-11-23")!, frameworks: ["fa", "fb", "fc"], cells: cells, scores: [])
        return RemediationPlanner.plan(ownership, assessment: a, organization: org, catalogs: W.catalogs)
    }
    func cell(_ ref: RequirementRef, _ system: String?, _ status: CellStatus, deadline: String? = nil, reason: CellReason = .noEvidence(system: nil)) -> Cell {
        Cell(requirement: ref, system: system, status: status, reason: reason, evidence: [], via: [], owner: nil,
             deadline: deadline.flatMap { CalendarDate($0) }, credit: 0, applicability: "")
    }

    @Test func oneActionPerGroupListingEveryRequirementItCloses() {
        let a1 = W.r("fa", "1"), b1 = W.r("fb", "1"), c1 = W.r("fc", "1")
        let actions = plan([cell(a1, "HIGH", .missing), cell(a1, "LOW", .missing), cell(b1, "HIGH", .stale, deadline: "2026-10-01"), cell(c1, nil, .met)],
                           mappings: [W.m(b1, .equalTo, a1, 10), W.m(c1, .subsetOf, a1, 8)])
        #expect(actions.count == 1)
        let x = actions[0]
        #expect(x.requirements == [a1, b1] && x.frameworks == ["fa", "fb"] && x.systems == ["HIGH", "LOW"] && x.openCells == 3)
        #expect(x.gaps.map(\.kind) == [.missing, .stale, .noOwner])
        #expect(x.deadline == CalendarDate("2026-10-01") && x.deadlineKind == .expired)
        #expect(x.title.hasPrefix("Put in place and evidence fa 1 fa requirement 1 (closes 2 requirements in 2 frameworks)"))
        #expect(x.priority.total == x.priority.severity + x.priority.tier + x.priority.mandatory + x.priority.deadline + x.priority.breadth)
        #expect(x.priority.explanation.hasSuffix("= \(x.priority.total)"))
    }

    @Test func rankedByRiskTierDeadlineBreadthAndSeverity() {
        let a1 = W.r("fa", "1"), a2 = W.r("fa", "2"), a3 = W.r("fa", "3"), a4 = W.r("fa", "4")
        // Same gap, different tier: the high-risk system's comes first.
        var x = plan([cell(a1, "LOW", .missing), cell(a2, "HIGH", .missing)])
        #expect(x.map(\.group.anchor) == [a2, a1] && x.map(\.id) == ["ACT-001", "ACT-002"] && x.map(\.rank) == [1, 2])
        // Same tier, a nearer deadline first.
        x = plan([cell(a1, "HIGH", .dueSoon, deadline: "2027-06-01"), cell(a2, "HIGH", .dueSoon, deadline: "2026-12-01")])
        #expect(x.map(\.group.anchor) == [a2, a1])
        // Severity: missing before partial.
        x = plan([cell(a3, "HIGH", .partial), cell(a4, "HIGH", .missing)])
        #expect(x.map(\.group.anchor) == [a4, a3])
        // Breadth: an action closing gaps in two frameworks before one closing one.
        let b2 = W.r("fb", "2")
        x = plan([cell(a1, "HIGH", .missing), cell(a2, "HIGH", .missing), cell(b2, "HIGH", .missing)], mappings: [W.m(b2, .equalTo, a2, 10)])
        #expect(x.first?.group.anchor == a2 && x.first?.requirements == [a2, b2])
    }

    @Test func unjustifiedExclusionsAndUnownedGroupsAreGaps() {
        let a1 = W.r("fa", "1"), a2 = W.r("fa", "2")
        let x = plan([cell(a1, nil, .partial, reason: .unjustifiedExclusion(underlying: .partialEvidence(system: nil, items: []))), cell(a2, nil, .met)],
                     owners: [OwnerAssignment(requirement: a1, person: "p", location: SourceLocation(file: ""))])
        #expect(x.map(\.group.anchor) == [a1, a2])
        #expect(x[0].gaps.map(\.kind) == [.unjustifiedExclusion] && x[0].title.hasPrefix("Justify the exclusion of, or implement,"))
        #expect(x[1].gaps.map(\.kind) == [.noOwner] && x[1].openCells == 0 && x[1].requirements == [a2] && x[1].title.hasPrefix("Name an owner for"))
    }

    @Test func theSamplePlanIsShorterThanItsGapsAndClosesThemAll() throws {
        let (_, d) = try SampleDeliverables.get
        let open = SampleGoldenTests.assessment.cells.filter { GapKind($0) != nil && $0.status != .upcoming }
        #expect(Deliverables.openGapCells(SampleGoldenTests.assessment) == open.count && open.count == 269)
        #expect(d.remediation.count < open.count)
        // Every open cell's requirement is closed by exactly one group action, which lists it;
        // an undetermined cell by its system's one classify action.
        let groupActions = d.remediation.filter { !$0.group.id.hasPrefix("CLASSIFY-") }
        for c in SampleGoldenTests.assessment.cells where GapKind(c) != nil {
            if c.status == .undetermined {
                let classify = d.remediation.filter { $0.group.id.hasPrefix("CLASSIFY-") && $0.requirements.contains(c.requirement) && $0.systems.contains(c.system ?? "") }
                #expect(classify.count == 1, "\(c.requirement) for \(c.system ?? "") is closed by \(classify.count) classify actions")
                continue
            }
            let closing = groupActions.filter { $0.requirements.contains(c.requirement) }
            #expect(closing.count == 1, "\(c.requirement) is closed by \(closing.count) actions")
        }
        #expect(d.remediation.map(\.rank) == Array(1...d.remediation.count))
        #expect(zip(d.remediation, d.remediation.dropFirst()).allSatisfy { $0.priority.total >= $1.priority.total })
    }
}

@Suite("Statement of Applicability")
struct SoATests {
    @Test func everyAnnexAControlOnceWithItsDecision() throws {
        let (_, d) = try SampleDeliverables.get
        let soa42 = try #require(d.statements.first { $0.framework == .iso42001 })
        #expect(soa42.entries.count == 38)
        #expect(soa42.entries.map(\.control.label) == Shared.dataset.catalogs.catalog(.iso42001)!.requirements.filter { $0.label.hasPrefix("A.") }.map(\.label))
        let soa27 = try #require(d.statements.first { $0.framework == .iso27001 })
        #expect(soa27.entries.count == 93)
        // Excluded with a justification: not applicable, status excluded.
        let excluded = soa42.entries.filter { $0.decision == .excluded }
        #expect(!excluded.isEmpty && excluded.allSatisfy { !$0.applicable && $0.status == .excluded && !$0.justification.isEmpty })
        // Excluded without one: stays applicable.
        #expect(soa42.entries.filter { $0.decision == .excludedWithoutJustification }.allSatisfy { $0.applicable && $0.status != .excluded })
        // Implemented only when every assessed cell is met.
        #expect(soa42.entries.filter { $0.status == .implemented }.allSatisfy { $0.cellsMet == $0.cellsAssessed && $0.cellsAssessed > 0 })
    }
}

@Suite("Deliverables exports")
struct DeliverablesExportTests {
    func files() throws -> [(name: String, bytes: [UInt8])] {
        let (org, d) = try SampleDeliverables.get
        return ReportBundle.render(SampleGoldenTests.assessment, deliverables: d, organization: org, dataset: Shared.dataset)
    }

    @Test func goldenFiles() throws {
        let all = try files()
        #expect(all.map(\.name) == ["gaps.csv", "scores.csv", "owners.csv", "remediation.csv", "soa-iso27001.csv", "soa-iso42001.csv", "assessment.json",
                                     "assessment-results.json", "assessment-results.xml", "poam.json", "poam.xml", "assessment.xlsx", "report.html"])
        // The workbook is a binary ZIP: its parts are checked in ClientReportTests and ReportToolTests instead.
        // The OSCAL documents (about 3 MB) are checked by OSCALTests, not kept as goldens.
        for f in all where f.name != "assessment.xlsx" && !OSCALReports.names.contains(f.name) { try expectGolden(f.bytes, "sample/" + f.name) }
    }

    @Test func theJSONIsValidAndVersioned() throws {
        let json = try #require(try files().first { $0.name == "assessment.json" }?.bytes)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        #expect(object["format"] as? String == "crosswalk-assessment" && object["formatVersion"] as? Int == 4)
        #expect((object["cells"] as? [Any])?.count == SampleGoldenTests.assessment.cells.count)
        let (_, d) = try SampleDeliverables.get
        #expect((object["remediation"] as? [Any])?.count == d.remediation.count && (object["groups"] as? [Any])?.count == d.ownership.count)
    }

    @Test func jsonStringsAreEscaped() throws {
        var w = JSONWriter()
        w.beginObject(); w.field("a\"b", "line\nnext\t\u{1}\\ “quoted” ✓"); w.key("empty"); w.beginArray(); w.endArray(); w.field("n", nil as String?); w.endObject()
        let back = try #require(try JSONSerialization.jsonObject(with: Data(w.document)) as? [String: Any])
        #expect(back["a\"b"] as? String == "line\nnext\t\u{1}\\ “quoted” ✓")
        #expect((back["empty"] as? [Any])?.isEmpty == true && back["n"] is NSNull)
    }

    /// The three layouts of the JSON writer carry the same values: indented, compact (OSCAL),
    /// and indented down to a depth with each deeper container on one line (assessment.json).
    @Test func jsonLayoutsCarryTheSameValues() throws {
        func doc(_ w: inout JSONWriter) {
            w.beginObject(); w.field("v", 4)
            w.key("rows"); w.beginArray()
            for i in 0..<2 { w.beginObject(); w.field("id", "R\(i)"); w.field("tags", ["a", "b: c"]); w.key("empty"); w.beginObject(); w.endObject(); w.endObject() }
            w.endArray(); w.key("none"); w.beginArray(); w.endArray(); w.endObject()
        }
        var pretty = JSONWriter(), compact = JSONWriter(compact: true), lines = JSONWriter(compactFrom: 3)
        doc(&pretty); doc(&compact); doc(&lines)
        let values = try [pretty, compact, lines].map { try JSONSerialization.jsonObject(with: Data($0.document)) as! NSDictionary }
        #expect(values[0] == values[1] && values[0] == values[2])
        #expect(String(decoding: compact.document, as: UTF8.self) == #"{"v":4,"rows":[{"id":"R0","tags":["a","b: c"],"empty":{}},{"id":"R1","tags":["a","b: c"],"empty":{}}],"none":[]}"# + "\n")
        #expect(String(decoding: lines.document, as: UTF8.self) == """
            {
              "v": 4,
              "rows": [
                {"id":"R0","tags":["a","b: c"],"empty":{}},
                {"id":"R1","tags":["a","b: c"],"empty":{}}
              ],
              "none": []
            }

            """)
    }

    @Test func namesAPersonGaveCannotRunAsFormulas() throws {
        var (org, _) = try SampleDeliverables.get
        org.people = org.people.map { p in var p = p; if p.id == "cdo" { p.name = "=HYPERLINK(\"http://x\",\"y\")" }; return p }
        let d = Deliverables.build(SampleGoldenTests.assessment, organization: org, dataset: Shared.dataset)
        let text = String(decoding: DeliverablesExport.ownersCSV(d, organization: org, catalogs: Shared.dataset.catalogs), as: UTF8.self)
        #expect(text.contains(#","'=HYPERLINK(""http://x"",""y"")","#))
        #expect(!text.contains(",=HYPERLINK"))
        let plan = try CSVReader.parse(DeliverablesExport.remediationCSV(d, organization: org)).map(\.fields)
        #expect(plan.first == DeliverablesExport.remediationColumns)
        #expect(plan.dropFirst().allSatisfy { $0.count == DeliverablesExport.remediationColumns.count })
    }

    @Test func aSetOfReportsIsWrittenAllOrNothing() throws {
        let dir = NSTemporaryDirectory() + "crosswalk-all-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.writeAll([(dir + "/a.csv", Array("old a".utf8)), (dir + "/b.csv", Array("old b".utf8))])
        // The second target's folder does not exist: its write fails after the first is written.
        #expect(throws: CrosswalkError.self) {
            try AtomicFile.writeAll([(dir + "/a.csv", Array("new a".utf8)), (dir + "/missing/b.csv", Array("new b".utf8))])
        }
        #expect(try InputFile.read(dir + "/a.csv").bytes == Array("old a".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.csv", "b.csv"])
    }

    @Test func lanesWrittenAtOnceGiveTheBytesOfOneAtATimeAndFailAllOrNothing() throws {
        let dir = NSTemporaryDirectory() + "crosswalk-lanes-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The sample's reports, written by lanes on the machine's cores, are the bytes each
        // renders alone.
        let (org, d) = try SampleDeliverables.get
        let bundle = ReportBundle(SampleGoldenTests.assessment, deliverables: d, organization: org, dataset: Shared.dataset)
        #expect(Set(bundle.files.map(\.lane)) == [.tables, .oscalJSON, .oscalXML, .client])
        let paths = try bundle.write(to: dir + "/out", maxConcurrency: 4)
        for (path, file) in zip(paths, bundle.files) {
            #expect(try InputFile.read(path).bytes == file.render(), "\(file.name)")
        }
        // One at a time: the same files.
        let one = try bundle.write(to: dir + "/one", maxConcurrency: 1)
        for (a, b) in zip(paths, one) { #expect(try InputFile.read(a).bytes == InputFile.read(b).bytes, "\(a)") }
        // One lane fails in the middle of its second file while the other lane completes:
        // no target is touched and no temporary file is left.
        try AtomicFile.writeAll([(dir + "/a.csv", Array("old a".utf8)), (dir + "/b.csv", Array("old b".utf8))])
        let files: [(path: String, lane: Int, produce: (([UInt8]) -> Void) -> Void)] = [
            (dir + "/a.csv", 0, { $0(Array("new a".utf8)) }),
            (dir + "/missing/c.csv", 0, { $0(Array("c".utf8)) }),
            (dir + "/b.csv", 1, { emit in for _ in 0..<64 { emit(Array(repeating: 0x62, count: 1 << 16)) } }),
        ]
        #expect(throws: CrosswalkError.self) { try AtomicFile.writeAll(files, width: 2) }
        #expect(try InputFile.read(dir + "/a.csv").bytes == Array("old a".utf8))
        #expect(try InputFile.read(dir + "/b.csv").bytes == Array("old b".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.csv", "b.csv", "one", "out"])
    }
}
