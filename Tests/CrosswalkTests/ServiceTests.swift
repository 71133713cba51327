import Testing
import Foundation
@testable import Crosswalk

/// The line protocol of `crosswalk serve --stdio` (Docs/Protocol.md): every request gets one
/// response with its id; bad requests get error codes and never stop the service.
@Suite("Service protocol")
struct ServiceTests {
    static let service = CrosswalkService(dataset: Shared.dataset, maxRequestBytes: 4096)

    func respond(_ line: String) throws -> [String: Any] {
        let bytes = Self.service.respond(to: Array(line.utf8))
        #expect(bytes.last == 0x0A && bytes.dropLast().allSatisfy { $0 != 0x0A }, "one response, on one line")
        return try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    func errorCode(_ response: [String: Any]) -> String? { (response["error"] as? [String: Any])?["code"] as? String }

    @Test func echoesIdsOfEveryKind() throws {
        #expect(try respond(#"{"id": 7, "method": "describe"}"#)["id"] as? Int == 7)
        #expect(try respond(#"{"id": "req-1", "method": "describe"}"#)["id"] as? String == "req-1")
        #expect(try respond(#"{"method": "describe"}"#)["id"] is NSNull)
        #expect(String(decoding: Self.service.respond(to: Array(#"{"id": 12345678901234567890, "method": "describe"}"#.utf8)), as: UTF8.self)
            .hasPrefix(#"{"id": 12345678901234567890,"#), "a large numeric id is echoed exactly as written")
    }

    @Test(arguments: [
        ("not json", "request-malformed"),
        ("[1, 2]", "request-malformed"),
        (#"{"id": 1}"#, "request-malformed"),
        (#"{"id": 1, "method": "describe"} trailing"#, "request-malformed"),
        (#"{"id": 1, "method": "describe", "method": "map"}"#, "request-malformed"),
        (#"{"id": [1], "method": "describe"}"#, "request-malformed"),
        (#"{"id": 1, "method": "describe", "extra": true}"#, "request-malformed"),
        (#"{"id": 1, "method": "nope"}"#, "unknown-method"),
        (#"{"id": 1, "method": "map", "params": []}"#, "invalid-params"),
        (#"{"id": 1, "method": "map", "params": {}}"#, "invalid-params"),
        (#"{"id": 1, "method": "map", "params": {"requirement": "iso42001:A.6.2.4", "colour": "red"}}"#, "invalid-params"),
        (#"{"id": 1, "method": "map", "params": {"requirement": "iso42001:A.99"}}"#, "unknown-requirement"),
        (#"{"id": 1, "method": "map", "params": {"requirement": "iso42001:A.6.2.4", "to": "nist"}}"#, "unknown-framework"),
        (#"{"id": 1, "method": "coverage", "params": {"from": "iso27001", "to": 3}}"#, "invalid-params"),
        (#"{"id": 1, "method": "assess", "params": {"organization": {"xml": "<organization xmlns=\"urn:crosswalk:organization:1\" version=\"1\" name=\"x\"><people></organization>"}}}"#, "xml-malformed"),
        (#"{"id": 1, "method": "assess", "params": {"organization": {"xml": "<!DOCTYPE o [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><o>&x;</o>"}}}"#, "xml-doctype"),
        (#"{"id": 1, "method": "assess", "params": {"organization": {"path": "/nonexistent/org.xml"}}}"#, "io-error"),
        (#"{"id": 1, "method": "assess", "params": {"organization": {"xml": "<a/>", "path": "x"}}}"#, "invalid-params"),
        (#"{"id": 1, "method": "validate", "params": {}}"#, "invalid-params"),
    ])
    func refusesBadRequestsWithTheirCode(line: String, code: String) throws {
        let r = try respond(line)
        #expect(errorCode(r) == code, "\(line) → \(r)")
        #expect(r["result"] == nil)
    }

    @Test func refusesDeepNestingAndOversizedLines() throws {
        let deep = #"{"id": 1, "method": "describe", "params": {"a": "# + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "}}"
        #expect(errorCode(try respond(deep)) == "request-malformed")
        let big = #"{"id": 1, "method": "describe", "params": {"pad": ""# + String(repeating: "x", count: 5000) + #""}}"#
        #expect(errorCode(try respond(big)) == "request-too-large")
    }

    @Test func hostileXMLIsAValidationResultWithItsLocation() throws {
        let r = try respond(#"{"id": 1, "method": "validate", "params": {"organization": {"xml": "<?xml version=\"1.0\"?>\n<!DOCTYPE o SYSTEM \"http://evil.example/x.dtd\">\n<o/>", "name": "tenant-42.xml"}}}"#)
        let result = try #require(r["result"] as? [String: Any])
        #expect(result["valid"] as? Bool == false)
        let d = try #require((result["diagnostics"] as? [[String: Any]])?.first)
        #expect(d["code"] as? String == "xml-doctype")
        #expect(d["file"] as? String == "tenant-42.xml")
        #expect(d["line"] as? Int == 2)
    }

    @Test func assessGivesTheAssessmentDocumentOfTheCLI() throws {
        let r = try respond(#"{"id": 1, "method": "assess", "params": {"organization": {"path": "\#(Repo.path("Fixtures/sample/insurer.xml"))"}, "asOf": "2026-11-23"}}"#)
        let result = try #require(r["result"] as? [String: Any])
        let doc = try #require(result["assessment"] as? [String: Any])
        // The same document as assessment.json, parsed: same scores.
        let org = try OrganizationLoader.load(Repo.bytes("Fixtures/sample/insurer.xml"), file: "insurer.xml", catalogs: Shared.dataset.catalogs).organization
        let a = AssessmentEngine.assess(org, dataset: Shared.dataset, options: AssessmentOptions(asOf: CalendarDate("2026-11-23")!))
        let json = AssessmentJSON.render(a, deliverables: Deliverables.build(a, organization: org, dataset: Shared.dataset), organization: org, catalogs: Shared.dataset.catalogs)
        let expected = try #require(JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        #expect(NSDictionary(dictionary: doc).isEqual(to: expected))
    }

    @Test func sameRequestSameBytes() throws {
        let line = Array(#"{"id": 1, "method": "coverage", "params": {"from": "iso27001", "to": "iso42001"}}"#.utf8)
        #expect(Self.service.respond(to: line) == Self.service.respond(to: line))
    }
}

/// The real server process: 1,000 mixed requests in, one right response each, and it keeps running.
@Suite("serve --stdio, end to end")
struct ServeCLITests {
    @Test func answersAThousandMixedRequestsAndKeepsRunning() throws {
        var lines: [String] = [], expected: [String] = []
        let sample = Repo.path("Fixtures/sample/insurer.xml")
        for i in 0..<1000 {
            switch i % 10 {
            case 0: lines.append(#"{"id": \#(i), "method": "describe"}"#); expected.append("ok")
            case 1: lines.append(#"{"id": \#(i), "method": "map", "params": {"requirement": "iso42001:A.6.2.4"}}"#); expected.append("ok")
            case 2: lines.append("{\"id\": \(i), \"method\": "); expected.append("request-malformed")
            case 3: lines.append(#"{"id": \#(i), "method": "frobnicate"}"#); expected.append("unknown-method")
            case 4: lines.append(#"{"id": \#(i), "method": "assess", "params": {"organization": {"xml": "<!DOCTYPE o [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]><o>&b;</o>"}}}"#); expected.append("xml-doctype")
            case 5: lines.append(#"{"id": \#(i), "method": "map", "params": {"pad": ""# + String(repeating: "y", count: 6000) + #""}}"#); expected.append("request-too-large")
            case 6: lines.append(#"{"id": \#(i), "method": "coverage", "params": {"from": "iso27001", "to": "eu-ai-act"}}"#); expected.append("ok")
            case 7: lines.append(#"{"id": \#(i), "method": "validate", "params": {"organization": {"xml": "<organization"}}}"#); expected.append("ok")
            case 8: lines.append(#"{"id": \#(i), "method": "map", "params": {"requirement": 5}}"#); expected.append("invalid-params")
            default:
                if i % 100 == 9 { lines.append(#"{"id": \#(i), "method": "assess", "params": {"organization": {"path": "\#(sample)"}}}"#); expected.append("ok") }
                else { lines.append("\u{FF}garbage \(i)"); expected.append("request-malformed") }
            }
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crosswalk-serve-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("requests.ndjson")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)

        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLITests.binary)
        p.arguments = ["serve", "--stdio", "--max-request-bytes", "4096"]
        p.standardInput = try FileHandle(forReadingFrom: input)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let responses = String(decoding: data, as: UTF8.self).split(separator: "\n")
        try #require(responses.count == 1000)
        for (i, line) in responses.enumerated() {
            let r = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let code = (r["error"] as? [String: Any])?["code"] as? String
            #expect((code ?? "ok") == expected[i], "request \(i): \(line.prefix(200))")
            // Ids come back whenever the request could be read.
            if expected[i] == "ok" || expected[i] == "unknown-method" || expected[i] == "invalid-params" || expected[i] == "xml-doctype" {
                #expect(r["id"] as? Int == i)
            }
        }
    }

    @Test func servesWithoutTransportIsAUsageError() throws {
        let r = try CLITests().run(["serve"])
        #expect(r.status == 64)
        #expect(r.err.contains("--stdio"))
    }
}

/// The documented Python client (Docs/crosswalk_client.py) against the real server, with every
/// request and response checked against Docs/Protocol.schema.json.
@Suite("Python example client")
struct PythonClientTests {
    @Test func documentedClientTalksToTheServer() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let python = ProcessInfo.processInfo.environment["CROSSWALK_PYTHON"] ?? "python3"
        p.arguments = [python, Repo.path("Docs/crosswalk_client.py"), "--binary", CLITests.binary,
                       "--organization", Repo.path("Fixtures/sample/insurer.xml"), "--schema", Repo.path("Docs/Protocol.schema.json")]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(e.suffix(2000))")
        #expect(o.contains("frameworks: eu-ai-act, iso27001, iso42001, nist-ai-rmf"))
        #expect(o.contains("map iso42001:A.6.2.8 intersects-with iso27001:A.8.15"))
        #expect(o.contains("validate tenant-7.xml: valid=False tenant-7.xml:1:13 xml-doctype"))
        #expect(o.contains("unknown method -> unknown-method for id x-1"))
        #expect(o.contains("malformed line -> request-malformed"))
        #expect(o.contains("still serving: True"))
    }
}
