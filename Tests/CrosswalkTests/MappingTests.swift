import Testing
@testable import Crosswalk

@Suite("Relationship algebra")
struct RelationshipTests {
    @Test func inverse() {
        #expect(Relationship.subsetOf.inverse == .supersetOf)
        #expect(Relationship.supersetOf.inverse == .subsetOf)
        for r in [Relationship.equalTo, .equivalentTo, .intersectsWith, .noRelationship] { #expect(r.inverse == r) }
        for r in Relationship.allCases { #expect(r.inverse.inverse == r) }
    }

    /// The whole composition table, cell by cell: nil means "no single answer".
    @Test func compositionTable() {
        typealias R = Relationship
        let eq = R.equalTo, ev = R.equivalentTo, sub = R.subsetOf, sup = R.supersetOf, int = R.intersectsWith, no = R.noRelationship
        let expected: [R: [R: R?]] = [
            eq: [eq: eq, ev: ev, sub: sub, sup: sup, int: int, no: no],
            ev: [eq: ev, ev: ev, sub: sub, sup: sup, int: int, no: no],
            sub: [eq: sub, ev: sub, sub: sub, sup: nil, int: nil, no: no],
            sup: [eq: sup, ev: sup, sub: nil, sup: sup, int: nil, no: nil],
            int: [eq: int, ev: int, sub: nil, sup: nil, int: nil, no: nil],
            no: [eq: no, ev: no, sub: nil, sup: no, int: nil, no: nil],
        ]
        for a in R.allCases {
            for b in R.allCases {
                let got = R.compose(a, b)?.relationship
                #expect(got == expected[a]![b]!, "\(a.rawValue) ∘ \(b.rawValue)")
                // Through equivalent-to, a result is marked for review.
                if let c = R.compose(a, b) { #expect(c.needsReview == (a == ev || b == ev), "\(a.rawValue) ∘ \(b.rawValue)") }
            }
        }
    }

    @Test func coverageReading() {
        #expect(Relationship.allCases.filter(\.targetCoversSource) == [.equalTo, .equivalentTo, .subsetOf])
    }
}

@Suite("Mapping graph")
struct MappingGraphTests {
    let a1 = RequirementRef("fa", "1"), a2 = RequirementRef("fa", "2")
    let b1 = RequirementRef("fb", "1"), b2 = RequirementRef("fb", "2")
    let c1 = RequirementRef("fc", "1"), c2 = RequirementRef("fc", "2")

    func catalog(_ fw: FrameworkID, _ labels: [String]) -> Catalog {
        Catalog(framework: fw, uuid: "u-\(fw)", title: "\(fw)", version: "1", oscalVersion: "1.2.0", edition: "1", licence: nil, remarks: "", source: "",
                entries: labels.map { CatalogEntry(id: "x\($0)", label: $0, title: $0, kind: .control, isRequirement: true, scope: .organization) })
    }

    func graph(_ mappings: [Mapping]) -> MappingGraph {
        MappingGraph(catalogs: CatalogSet([catalog("fa", ["1", "2"]), catalog("fb", ["1", "2"]), catalog("fc", ["1", "2"])]), mappings: mappings)
    }

    func m(_ s: RequirementRef, _ r: Relationship, _ t: RequirementRef, _ strength: Int = 8, _ rationale: MatchingRationale = .semantic) -> Mapping {
        Mapping(source: s, target: t, relationship: r, strength: strength, rationale: rationale, justification: "\(s) \(r.rawValue) \(t)")
    }

    @Test func assertedMappingsReadBothWays() {
        let g = graph([m(a1, .subsetOf, b1, 7)])
        let fromA = g.relations(of: a1)
        #expect(fromA.count == 1 && fromA[0].relationship == .subsetOf && !fromA[0].isDerived && fromA[0].strength == 7)
        let fromB = g.relations(of: b1)
        #expect(fromB.count == 1 && fromB[0].relationship == .supersetOf && fromB[0].chain[0].readInReverse)
    }

    @Test func derivesSubsetThroughSubsetWithWeakestStrength() throws {
        let g = graph([m(a1, .subsetOf, b1, 9), m(b1, .subsetOf, c1, 6)])
        let r = try #require(g.explain(a1, c1).first)
        #expect(r.isDerived && r.relationship == .subsetOf && r.strength == 6)
        #expect(r.chain.map(\.to) == [b1, c1])
        #expect(r.justification == "derived: fa:1 subset-of fb:1; fb:1 subset-of fc:1")
        // Read from the other end: superset.
        #expect(g.explain(c1, a1).first?.relationship == .supersetOf)
    }

    @Test func neverDerivesThroughIntersects() {
        let g = graph([m(a1, .intersectsWith, b1), m(b1, .subsetOf, c1), m(a2, .subsetOf, b2), m(b2, .supersetOf, c2)])
        #expect(g.explain(a1, c1).isEmpty)
        #expect(g.explain(a2, c2).isEmpty)  // subset ∘ superset: no single answer
    }

    @Test func equivalentChainsAreMarkedForReview() throws {
        let g = graph([m(a1, .equivalentTo, b1, 9), m(b1, .intersectsWith, c1, 5)])
        let r = try #require(g.explain(a1, c1).first)
        #expect(r.relationship == .intersectsWith && r.needsReview && r.strength == 5)
    }

    @Test func assertedOutranksDerived() throws {
        let g = graph([m(a1, .subsetOf, b1), m(b1, .subsetOf, c1), m(a1, .intersectsWith, c1, 4)])
        let rels = g.explain(a1, c1)
        #expect(rels.count == 1 && !rels[0].isDerived && rels[0].relationship == .intersectsWith)
    }

    @Test func chainsKeepToOneRationale() {
        let g = graph([m(a1, .subsetOf, b1, 8, .semantic), m(b1, .subsetOf, c1, 8, .functional)])
        #expect(g.explain(a1, c1).isEmpty)
    }

    @Test func severalPartialRoutesNeverMakeFull() throws {
        let g = graph([m(c1, .intersectsWith, a1, 9), m(c1, .intersectsWith, a2, 9), m(c1, .supersetOf, b1, 9)])
        let cov = try #require(g.coverage(from: "fa", to: "fc"))
        #expect(cov.rows.map(\.status) == [.partial, .unmapped])
        let fromB = try #require(g.coverage(from: "fb", to: "fc"))
        #expect(fromB.rows.first?.status == .partial)
    }

    @Test func coverageStatuses() throws {
        let g = graph([m(c1, .subsetOf, a1), m(c2, .noRelationship, a2, 0)])
        let cov = try #require(g.coverage(from: "fa", to: "fc"))
        #expect(cov.rows.map(\.status) == [.full, .notRelated])
        #expect(cov.dispositioned == 2)
    }

    @Test func answersDoNotDependOnInputOrder() {
        let ms = [m(a1, .subsetOf, b1, 9), m(b1, .subsetOf, c1, 6), m(b1, .equalTo, c2, 10), m(a2, .intersectsWith, b2, 4), m(b2, .supersetOf, c1, 7)]
        let reference = graph(ms)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let g = graph(ms.shuffled(using: &rng))
            for ref in [a1, a2, b1, b2, c1, c2] {
                #expect(g.relations(of: ref) == reference.relations(of: ref))
            }
            #expect(g.mappings == reference.mappings)
        }
    }
}

@Suite("Crosswalk files")
struct CrosswalkFileTests {
    func miniCatalogs() throws -> CatalogSet {
        CatalogSet([try loadCatalog("Fixtures/catalogs/minimal.xml"), try loadCatalog("Fixtures/catalogs/mini-b.xml")])
    }

    @Test func loadsAndResolvesIdsLabelsAndHrefs() throws {
        let (c, warnings) = try MappingLoader.load(Repo.bytes("Fixtures/crosswalks/mini.xml"), file: "mini.xml", catalogs: try miniCatalogs())
        #expect(warnings.isEmpty)
        #expect(c.mappings.map(\.source) == [RequirementRef("mini", "4.1"), RequirementRef("mini", "4.2")])
        #expect(c.mappings.map(\.target) == [RequirementRef("minib", "B1"), RequirementRef("minib", "B2")])
        #expect(c.mappings[0].relationship == .subsetOf && c.mappings[0].strength == 8 && c.mappings[0].justification == "B1 asks all 4.1 asks, and more.")
        #expect(c.method == "human" && c.status == "draft" && c.matchingRationale == .semantic)
    }

    @Test(arguments: [
        ("crosswalk-unknown-id.xml", CrosswalkError.Code.unknownRequirement, 27),
        ("crosswalk-unknown-framework.xml", .unknownFramework, 14),
        ("crosswalk-bad-relationship.xml", .invalidValue, 26),
        ("crosswalk-strength-out-of-range.xml", .invalidValue, 25),
        ("crosswalk-duplicate-map.xml", .duplicateIdentifier, 24),
        ("crosswalk-missing-provenance.xml", .missingElement, 2),
    ])
    func rejectsOneDefectWithItsLocation(file: String, code: CrosswalkError.Code, line: Int) throws {
        let path = "Fixtures/invalid/" + file
        let error = try #require(expectCrosswalkError { _ = try MappingLoader.load(Repo.bytes(path), file: path, catalogs: try miniCatalogs()) })
        #expect(error.code == code, "\(error)")
        #expect(error.location.line == line, "\(error)")
        #expect(error.description.hasPrefix("\(path):\(line):"))
    }

    @Test func contradictionsAcrossFilesAreErrors() throws {
        let files = try ["Fixtures/catalogs/minimal.xml", "Fixtures/catalogs/mini-b.xml", "Fixtures/crosswalks/mini.xml", "Fixtures/invalid/crosswalk-contradiction.xml"]
            .map { try InputFile.read(Repo.path($0)) }
        let error = try #require(expectCrosswalkError { _ = try Dataset.load(bundled: false, extra: files) })
        #expect(error.code == .invalidValue)
        #expect(error.message.contains("subset-of and superset-of"))
        #expect(error.location.file.hasSuffix("crosswalk-contradiction.xml"))
    }

    @Test func theSameMapInTwoFilesIsAnError() throws {
        var files = try ["Fixtures/catalogs/minimal.xml", "Fixtures/catalogs/mini-b.xml", "Fixtures/crosswalks/mini.xml"].map { try InputFile.read(Repo.path($0)) }
        var copy = files[2]
        copy.path = "copy.xml"
        files.append(copy)
        let error = try #require(expectCrosswalkError { _ = try Dataset.load(bundled: false, extra: files) })
        #expect(error.code == .duplicateIdentifier && error.location.file == "copy.xml")
    }

    @Test func strengthsThatContradictTheRelationshipAreWarnings() throws {
        let text = try Repo.text("Fixtures/crosswalks/mini.xml").replacingOccurrences(of: "<relationship>subset-of</relationship>", with: "<relationship>equal-to</relationship>")
        let (_, warnings) = try MappingLoader.load(Array(text.utf8), file: "w.xml", catalogs: try miniCatalogs())
        #expect(warnings.count == 1 && warnings[0].severity == .warning && warnings[0].message.contains("strength 10"))
    }

    @Test func loadOrderDoesNotChangeTheGraph() throws {
        let names = ["Fixtures/crosswalks/mini.xml", "Fixtures/catalogs/mini-b.xml", "Fixtures/catalogs/minimal.xml"]
        let files = try names.map { try InputFile.read(Repo.path($0)) }
        let one = try Dataset.load(bundled: false, extra: files)
        let two = try Dataset.load(bundled: false, extra: files.reversed())
        #expect(one.graph.mappings == two.graph.mappings)
        #expect(MappingExport.csv(graph: one.graph, includeDerived: true) == MappingExport.csv(graph: two.graph, includeDerived: true))
    }

    @Test func oscalExportRoundTrips() throws {
        let data = Shared.dataset
        let exported = MappingExport.oscal(data.graph)
        let (again, warnings) = try MappingLoader.load(exported, file: "export.xml", catalogs: data.catalogs)
        let reloaded = MappingGraph(catalogs: data.catalogs, mappings: again.mappings)
        func key(_ m: Mapping) -> String { "\(m.source)|\(m.relationship)|\(m.target)|\(m.strength)|\(m.rationale)|\(m.justification)|\(m.uuid)" }
        #expect(reloaded.mappings.map(key) == data.graph.mappings.map(key))
        #expect(warnings.count == data.warnings.count)
        #expect(MappingExport.oscal(reloaded) == exported)
    }
}

@Suite("Shipped crosswalks")
struct ShippedCrosswalkTests {
    let graph = Shared.dataset.graph

    @Test(arguments: [("iso42001", "nist-ai-rmf", 72), ("iso42001", "eu-ai-act", 70), ("iso27001", "iso42001", 70)])
    func everyRequirementIsDispositioned(from: String, to: String, count: Int) throws {
        let cov = try #require(graph.coverage(from: FrameworkID(from), to: FrameworkID(to), includeDerived: false))
        #expect(cov.rows.count == count)
        let unmapped = cov.rows.filter { $0.status == .unmapped }.map(\.requirement.label)
        #expect(unmapped.isEmpty, "not dispositioned: \(unmapped)")
    }

    @Test func everyShippedMappingIsJustifiedAndGraded() {
        for m in graph.mappings {
            #expect(!m.justification.isEmpty, "\(m.source) → \(m.target) has no justification")
            switch m.relationship {
            case .equalTo: #expect(m.strength == 10)
            case .noRelationship: #expect(m.strength == 0)
            default: #expect((1...9).contains(m.strength) || (m.relationship == .equivalentTo && m.strength == 10))
            }
        }
        #expect(Shared.dataset.warnings.isEmpty, "\(Shared.dataset.warnings)")
    }

    @Test func euObligationsReachISO42001AndTheRestThroughIt() throws {
        let rels = graph.relations(of: RequirementRef(.euAIAct, "Art. 12"), to: .iso42001)
        #expect(rels.contains { $0.object.label == "A.6.2.8" && !$0.isDerived })
    }
}
