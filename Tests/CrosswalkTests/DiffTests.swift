import Foundation
import Testing
@testable import Crosswalk

@Suite("assessment.json reader")
struct JSONReaderTests {
    let small = Array("{\n  \"a\": [1, -2.5e3, true, false, null, \"x\\u00e9\\ud83d\\ude00\"],\n  \"b\": {}\n}\n".utf8)

    @Test func readsValidJSON() throws {
        let n = try JSONReader().parse(small, file: "t.json")
        guard case let .array(items)? = n["a"]?.value else { Issue.record("no array"); return }
        #expect(items.count == 6)
        if case let .string(s) = items[5].value { #expect(s == "xé😀") } else { Issue.record("not a string") }
    }

    @Test func everyPrefixFailsCleanlyWithALocation() {
        for n in 0..<small.count - 1 where !small[..<n].allSatisfy({ $0 == 0x20 || $0 == 0x0A }) || n == 0 {
            do {
                _ = try JSONReader().parse(Array(small[..<n]), file: "t.json")
                Issue.record("prefix of \(n) bytes was accepted")
            } catch {
                #expect(error.location.file == "t.json" && error.location.line >= 1 && error.location.column >= 1)
            }
        }
    }

    @Test(arguments: [
        ("{\"a\": 1,\n \"a\": 2}", "json-malformed", 2, 2),
        ("{\"a\": 1} x", "json-malformed", 1, 10),
        ("[01]", "json-malformed", 1, 3),
        ("{\"a\": \"\u{01}\"}", "json-malformed", 1, 8),
        ("[\"\\ud800\"]", "json-malformed", 1, 9),
        ("\n\n  [1,]", "json-malformed", 3, 6),
    ]) func rejectsWithLocatedErrors(_ text: String, _ code: String, _ line: Int, _ column: Int) {
        do {
            _ = try JSONReader().parse(Array(text.utf8), file: "t.json")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.code.rawValue == code)
            #expect(error.location.line == line && error.location.column == column, "\(error)")
        }
    }

    @Test func limits() {
        let deep = Array((String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).utf8)
        #expect(throws: CrosswalkError(.jsonTooDeep, "", at: SourceLocation(file: ""))) { try JSONReader(maxDepth: 64).parse(deep, file: "d.json") }
        #expect(throws: CrosswalkError(.fileTooLarge, "", at: SourceLocation(file: ""))) { try JSONReader(maxBytes: 10).parse(Array("[1,2,3,4,5,6]".utf8), file: "d.json") }
        #expect(throws: CrosswalkError(.jsonMalformed, "", at: SourceLocation(file: ""))) { try JSONReader().parse([0x22, 0xC3, 0x28, 0x22], file: "u.json") }
    }

    @Test func otherFormatsAndVersionsAreRefusedClearly() throws {
        let v5 = Array("{\"format\": \"crosswalk-assessment\", \"formatVersion\": 5}".utf8)
        do { _ = try AssessmentSnapshot(v5, file: "v5.json"); Issue.record("accepted") } catch {
            #expect(error.code == .unsupportedVersion && error.message.contains("supported: 1, 2, 3, 4") && error.location.line == 1)
        }
        let other = Array("{\"assessment-results\": {}}".utf8)
        do { _ = try AssessmentSnapshot(other, file: "ar.json"); Issue.record("accepted") } catch {
            #expect(error.code == .unknownDocument && error.message.contains("crosswalk-assessment"))
        }
        // A bad value deep inside is located at its line.
        var text = String(decoding: SampleReports.file("assessment.json"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"asOf\": \"2026-11-23\",\n  \"frameworks\"", with: "\"asOf\": \"23/11/2026\",\n  \"frameworks\"")
        do { _ = try AssessmentSnapshot(Array(text.utf8), file: "a.json"); Issue.record("accepted") } catch {
            #expect(error.code == .invalidValue && error.location.line == 8 && error.location.column == 11, "\(error)")
        }
    }

    @Test func readsTheSampleBack() throws {
        let s = try AssessmentSnapshot(SampleReports.file("assessment.json"), file: "assessment.json")
        #expect(s.cells.count == SampleGoldenTests.assessment.cells.count)
        #expect(s.asOf == SampleGoldenTests.assessment.asOf && s.organization == "Northwind Mutual Insurance")
        #expect(s.provenance == SampleReports.provenance)
        let (org, _) = try SampleDeliverables.get
        #expect(s.evidence.count == org.evidence.count)
    }
}

@Suite("crosswalk diff")
struct DiffTests {
    /// The statuses of gaps.csv by framework|requirement|system: the independent oracle.
    static func statuses(_ dir: String) throws -> [String: String] {
        let rows = parseCSV(try InputFile.read(dir + "/gaps.csv").bytes)
        let h = rows[0]
        let (f, r, s, st) = (h.firstIndex(of: "framework")!, h.firstIndex(of: "requirement")!, h.firstIndex(of: "system")!, h.firstIndex(of: "status")!)
        var out: [String: String] = [:]
        for row in rows.dropFirst() { out["\(row[f])|\(row[r])|\(row[s])"] = row[st] }
        return out
    }

    /// Counts of each change, from two gaps.csv alone (rules of Docs/Diff.md, written again here).
    static func oracle(_ old: [String: String], _ new: [String: String]) -> [String: Int] {
        let severity = ["met": 0, "due-soon": 2, "partial": 3, "execution-gap": 4, "stale": 4, "missing": 5, "prohibited": 6]
        var counts: [String: Int] = [:]
        for key in Set(old.keys).union(new.keys) {
            let o = old[key].flatMap { severity[$0] }, n = new[key].flatMap { severity[$0] }
            var change: String?
            switch (o, n) {
            case (nil, 0?): change = "newly-met"
            case (nil, _?): change = "newly-open"
            case let (o?, nil): change = o == 0 ? nil : "no-longer-assessed"
            case let (o?, n?):
                if o == n { change = o == 0 || old[key] == new[key] ? nil : "changed" }
                else if n == 0 { change = "closed" }
                else { change = n > o ? "regressed" : "improved" }
            default: change = nil
            }
            if let change { counts[change, default: 0] += 1 }
        }
        return counts
    }

    func checkAgainstOracle(_ a: String, _ b: String, cli: CLITests) throws -> [String: Any] {
        let r = try cli.run(["diff", a, b, "--format", "json", "--until", "2027-01-31"])
        #expect(r.status == 0, "\(r.err)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let overall = try #require((doc["counts"] as? [[String: Any]])?.first { $0["scope"] as? String == "overall" })
        let expected = Self.oracle(try Self.statuses(a), try Self.statuses(b))
        for c in CellChange.allCases { #expect(overall[c.rawValue] as? Int == expected[c.rawValue] ?? 0, "\(c.rawValue)") }
        #expect(expected.values.reduce(0, +) > 0, "the two assessments differ")
        // Per-framework counts add up to the overall ones.
        let fw = (doc["counts"] as? [[String: Any]] ?? []).filter { $0["scope"] as? String == "framework" }
        for c in CellChange.allCases { #expect(fw.map { $0[c.rawValue] as? Int ?? 0 }.reduce(0, +) == overall[c.rawValue] as? Int) }
        return doc
    }

    @Test func twoDatesOfTheSample() throws {
        let cli = CLITests()
        let dir = try temporaryFolder("crosswalk-diff")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["assess", "--as-of", "2026-06-01", "--out", dir + "/june"]).status == 0)
        #expect(try cli.run(["assess", "--out", dir + "/november"]).status == 0)
        let doc = try checkAgainstOracle(dir + "/june", dir + "/november", cli: cli)
        // Same reference data and the same organisation file: no warning.
        #expect((doc["warnings"] as? [String]) == [])
        let readiness = try #require(doc["readiness"] as? [[String: Any]])
        #expect(readiness.contains { $0["scope"] as? String == "framework" && $0["key"] as? String == "iso42001" && $0["old"] is Double && $0["new"] is Double })
        #expect((doc["expiring"] as? [[String: Any]])?.contains { $0["evidence"] as? String == "EV-002" } == true)
        // CSV: one row per changed cell, as the library renders it.
        let csv = try cli.run(["diff", dir + "/june/assessment.json", dir + "/november/assessment.json", "--format", "csv"])
        let old = try AssessmentSnapshot(InputFile.read(dir + "/june/assessment.json").bytes, file: dir + "/june/assessment.json")
        let new = try AssessmentSnapshot(InputFile.read(dir + "/november/assessment.json").bytes, file: dir + "/november/assessment.json")
        #expect(Array(csv.out.utf8) == AssessmentDiff(old: old, new: new).csv())
        let table = try cli.run(["diff", dir + "/june", dir + "/november"])
        #expect(table.status == 0 && table.out.contains("Readiness then and now") && table.out.contains("REGRESSED"))
        #expect(try cli.run(["diff", dir + "/june", dir + "/november", "--format", "yaml"]).status == 64)
    }

    @Test func evidenceAdded() throws {
        let cli = CLITests()
        let dir = try temporaryFolder("crosswalk-diff-evidence")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["assess", "--out", dir + "/before"]).status == 0)
        let after = try cli.run(["assess", "--evidence-csv", Repo.path("Fixtures/diff/evidence-added.csv"), "--out", dir + "/after"])
        #expect(after.status == 0, "\(after.err)")
        let doc = try checkAgainstOracle(dir + "/before", dir + "/after", cli: cli)
        let cells = try #require(doc["cells"] as? [[String: Any]])
        func change(_ req: String, _ system: String?) -> String? {
            cells.first { $0["framework"] as? String == "iso42001" && $0["requirement"] as? String == req && $0["system"] as? String == system }?["change"] as? String
        }
        // The auditor's conclusions (Fixtures/diff/README.md).
        #expect(change("A.7.4", "CV-SCREEN") == "closed")
        #expect(change("A.7.3", "CV-SCREEN") == nil, "a draft changes nothing")
        #expect(change("6.1.4", "FRAUD-DETECT") == "closed" && change("8.4", "FRAUD-DETECT") == "closed")
        #expect(change("6.1.4", "CHAT-ASSIST") == nil, "evidence for one system closes nothing for another")
        #expect(!cells.contains { $0["change"] as? String == "regressed" }, "adding evidence regresses nothing")
        // The organisation file is the same, the evidence CSV is new: provenance tells them apart.
        let snap = try AssessmentSnapshot(InputFile.read(dir + "/after/assessment.json").bytes, file: "after")
        #expect(snap.provenance?.organizationFiles.map(\.name) == ["sample/insurer.xml", Repo.path("Fixtures/diff/evidence-added.csv")])
    }

    @Test func warnsWhenTheReferenceDataDiffer() throws {
        let text = String(decoding: SampleReports.file("assessment.json"), as: UTF8.self)
        let iso = SampleReports.provenance.referenceFiles.first { $0.subject == "iso42001" }!.sha256
        let changed = text.replacingOccurrences(of: iso, with: String(repeating: "0", count: 64))
        let a = try AssessmentSnapshot(Array(text.utf8), file: "a.json"), b = try AssessmentSnapshot(Array(changed.utf8), file: "b.json")
        let d = AssessmentDiff(old: a, new: b)
        #expect(d.warnings.count == 1 && d.warnings[0].contains("catalog iso42001"))
        #expect(d.cells.isEmpty && d.systemsAdded.isEmpty)
    }

    @Test func systemsAddedAndRetiredAreNotCountedAsGaps() throws {
        let (org, _) = try SampleDeliverables.get
        var smaller = org
        smaller.systems.removeAll { $0.id == "CODE-ASSIST" }
        // Evidence only for CODE-ASSIST goes with it; evidence for it and others stays, without it.
        smaller.evidence = EvidenceRegister(org.evidence.compactMap { e in
            guard e.systems.contains("CODE-ASSIST") else { return e }
            var x = e
            x.systems.removeAll { $0 == "CODE-ASSIST" }
            return x.systems.isEmpty ? nil : x
        })
        let before = AssessmentEngine.assess(smaller, dataset: Shared.dataset, options: AssessmentOptions(asOf: SampleGoldenTests.assessment.asOf))
        func snapshot(_ a: Assessment, _ o: Organization) throws -> AssessmentSnapshot {
            let d = Deliverables.build(a, organization: o, dataset: Shared.dataset)
            return try AssessmentSnapshot(AssessmentJSON.render(a, deliverables: d, organization: o, catalogs: Shared.dataset.catalogs), file: "x.json")
        }
        let diff = AssessmentDiff(old: try snapshot(before, smaller), new: try snapshot(SampleGoldenTests.assessment, org))
        #expect(diff.systemsAdded == ["CODE-ASSIST"] && diff.systemsRetired.isEmpty)
        #expect(diff.cells.allSatisfy { $0.system != "CODE-ASSIST" || $0.change == .newlyOpen || $0.change == .newlyMet })
        let back = AssessmentDiff(old: try snapshot(SampleGoldenTests.assessment, org), new: try snapshot(before, smaller))
        #expect(back.systemsRetired == ["CODE-ASSIST"] && !back.cells.contains { $0.system == "CODE-ASSIST" })
    }
}
