/// What `crosswalk diff` reads back from an `assessment.json`: the cells, the readiness
/// scores, the evidence expiries and the provenance. Read from untrusted bytes: the format
/// and its version are checked first, every value is typed, and every problem is located.
/// Members this reader does not use are ignored, so later additions to the format (a new
/// block of a newer release with the same format version) do not break it.
public struct AssessmentSnapshot: Sendable, Hashable {
    public struct CellRecord: Sendable, Hashable {
        public var requirement: RequirementRef
        public var system: String?
        /// The status as written; ``CellStatus`` when it is one this Crosswalk knows.
        public var status: String
        public var reasonCode: String
        public var owner: String?
        public var evidence: [String]
        public var deadline: CalendarDate?
        public var knownStatus: CellStatus? { CellStatus(rawValue: status) }
    }
    public struct ScoreRecord: Sendable, Hashable {
        public var scope: String
        public var key: String
        /// Nil where nothing is scored (format 2 writes null).
        public var readiness: Double?
        public var assessedCells: Int
    }
    public struct EvidenceRecord: Sendable, Hashable {
        public var id: String
        public var title: String
        public var owner: String
        public var status: String
        public var expires: CalendarDate?
    }

    /// The versions of `crosswalk-assessment` this reader understands.
    public static let supportedVersions = [1, 2, 3, 4]

    public var file: String
    public var organization: String
    public var asOf: CalendarDate
    public var frameworks: [FrameworkID]
    public var cells: [CellRecord]
    public var scores: [ScoreRecord]
    /// The evidence register's expiries (empty for files written before Crosswalk recorded them).
    public var evidence: [EvidenceRecord]
    /// Nil for files written before Crosswalk recorded provenance.
    public var provenance: Provenance?

    /// Reads `bytes`, named `file` in errors.
    /// - Throws: ``CrosswalkError``: `json-malformed`, `json-too-deep`, `file-too-large`,
    ///   `unknown-document`, `unsupported-version`, `missing-element`, `invalid-value`.
    public init(_ bytes: [UInt8], file: String) throws(CrosswalkError) { try self.init(bytes, file: file, reader: JSONReader()) }

    /// As ``init(_:file:)``, with the reader's bounds given.
    package init(_ bytes: [UInt8], file: String, reader: JSONReader) throws(CrosswalkError) {
        let root = try reader.parse(bytes, file: file)
        let d = Decoder(bytes: bytes, file: file)
        guard case .object = root.value else { throw d.fail(root, "the document is not a JSON object; expected a Crosswalk assessment.json", .unknownDocument) }
        guard let format = root["format"], case let .string(f) = format.value, f == AssessmentJSON.format else {
            throw d.fail(root["format"] ?? root, "not a Crosswalk assessment: \"format\" must be \"\(AssessmentJSON.format)\"; pass the assessment.json that crosswalk assess --out wrote", .unknownDocument)
        }
        let versionNode = try d.member(root, "formatVersion")
        guard case let .number(v) = versionNode.value, let version = Int(v), Self.supportedVersions.contains(version) else {
            throw d.fail(versionNode, "format version \(d.text(versionNode)) is not supported by this Crosswalk; supported: \(Self.supportedVersions.map(String.init).joined(separator: ", ")); compare files written by the same major release", .unsupportedVersion)
        }
        self.file = file
        organization = try d.string(d.member(try d.member(root, "organization"), "name"))
        asOf = try d.date(d.member(root, "asOf"))
        frameworks = try d.array(d.member(root, "frameworks")).map { n throws(CrosswalkError) in FrameworkID(try d.string(n)) }
        scores = try d.array(d.member(root, "scores")).map { n throws(CrosswalkError) in
            ScoreRecord(scope: try d.string(d.member(n, "scope")), key: try d.string(d.member(n, "key")),
                        readiness: try d.optionalDouble(d.member(n, "readiness")), assessedCells: try d.int(d.member(n, "assessedCells")))
        }
        cells = try d.array(d.member(root, "cells")).map { n throws(CrosswalkError) in
            let fw = try d.string(d.member(n, "framework")), label = try d.string(d.member(n, "requirement"))
            guard !fw.isEmpty, !label.isEmpty else { throw d.fail(n, "a cell without framework or requirement") }
            let status = try d.string(d.member(n, "status"))
            guard !status.isEmpty else { throw d.fail(n, "a cell without status") }
            return CellRecord(requirement: RequirementRef(FrameworkID(fw), label), system: try d.optionalString(n["system"]), status: status,
                              reasonCode: try d.optionalString(n["reasonCode"] ?? n["reasonDetail"]?["code"]) ?? "", owner: try d.optionalString(n["owner"]),
                              evidence: try n["evidence"].map { e throws(CrosswalkError) in try d.array(e).map { x throws(CrosswalkError) in try d.string(x) } } ?? [],
                              deadline: try d.optionalString(n["deadline"]).map { s throws(CrosswalkError) in
                                  guard let date = CalendarDate(s) else { throw d.fail(n["deadline"]!, "deadline '\(s.prefix(40))' is not a date (YYYY-MM-DD)") }
                                  return date
                              })
        }
        var seen = Set<String>()
        for (i, c) in cells.enumerated() where !seen.insert("\(c.requirement)\u{1}\(c.system ?? "")").inserted {
            let nodes = try d.array(d.member(root, "cells"))
            throw d.fail(nodes[i], "cell \(c.requirement) \(c.system ?? "(organisation)") appears twice; the file was edited or is corrupt", .duplicateIdentifier)
        }
        evidence = try (root["evidence"].map { e throws(CrosswalkError) in try d.array(e) } ?? []).map { n throws(CrosswalkError) in
            EvidenceRecord(id: try d.string(d.member(n, "id")), title: try d.optionalString(n["title"]) ?? "", owner: try d.optionalString(n["owner"]) ?? "",
                           status: try d.optionalString(n["status"]) ?? "",
                           expires: try d.optionalString(n["expires"]).map { s throws(CrosswalkError) in
                               guard let date = CalendarDate(s) else { throw d.fail(n["expires"]!, "expires '\(s.prefix(40))' is not a date (YYYY-MM-DD)") }
                               return date
                           })
        }
        if let p = root["provenance"] {
            var files: [FileDigest] = []
            for f in try d.array(d.member(p, "files")) {
                let kindText = try d.string(d.member(f, "kind"))
                guard let kind = FileDigest.Kind(rawValue: kindText) else {
                    throw d.fail(f, "file kind '\(kindText.prefix(40))' is not one of \(FileDigest.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let hash = try d.string(d.member(f, "sha256"))
                guard hash.utf8.count == 64, hash.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
                    throw d.fail(f, "sha256 must be 64 lowercase hexadecimal digits")
                }
                files.append(FileDigest(kind: kind, name: try d.string(d.member(f, "name")), subject: try d.optionalString(f["subject"]) ?? "", sha256: hash))
            }
            provenance = Provenance(crosswalkVersion: try d.string(d.member(p, "crosswalkVersion")), asOf: try d.date(d.member(p, "asOf")),
                                    organizationFiles: files.filter { $0.kind == .organization }, referenceFiles: files.filter { $0.kind != .organization })
        } else {
            provenance = nil
        }
    }

    /// Typed access with located errors.
    struct Decoder {
        let bytes: [UInt8]
        let file: String

        func fail(_ n: JSONNode, _ message: String, _ code: CrosswalkError.Code = .invalidValue) -> CrosswalkError {
            CrosswalkError(code, message, at: JSONReader.location(of: n.offset, in: bytes, file: file))
        }
        func text(_ n: JSONNode) -> String {
            switch n.value {
            case let .number(s): s
            case let .string(s): "\"\(s.prefix(40))\""
            case .null: "null"
            case let .bool(b): String(b)
            case .array: "an array"
            case .object: "an object"
            }
        }
        func member(_ n: JSONNode, _ key: String) throws(CrosswalkError) -> JSONNode {
            guard case .object = n.value else { throw fail(n, "expected an object with \"\(key)\"") }
            guard let m = n[key] else { throw fail(n, "\"\(key)\" is missing here; the file is not a complete assessment.json", .missingElement) }
            return m
        }
        func string(_ n: JSONNode) throws(CrosswalkError) -> String {
            guard case let .string(s) = n.value else { throw fail(n, "expected a string, found \(text(n))") }
            return s
        }
        func optionalString(_ n: JSONNode?) throws(CrosswalkError) -> String? {
            guard let n else { return nil }
            if case .null = n.value { return nil }
            return try string(n)
        }
        func array(_ n: JSONNode) throws(CrosswalkError) -> [JSONNode] {
            guard case let .array(a) = n.value else { throw fail(n, "expected an array, found \(text(n))") }
            return a
        }
        func optionalDouble(_ n: JSONNode) throws(CrosswalkError) -> Double? {
            if case .null = n.value { return nil }
            return try double(n)
        }
        func double(_ n: JSONNode) throws(CrosswalkError) -> Double {
            guard case let .number(s) = n.value, let v = Double(s), v.isFinite else { throw fail(n, "expected a number, found \(text(n))") }
            return v
        }
        func int(_ n: JSONNode) throws(CrosswalkError) -> Int {
            guard case let .number(s) = n.value, let v = Int(s), v >= 0 else { throw fail(n, "expected a whole number ≥ 0, found \(text(n))") }
            return v
        }
        func date(_ n: JSONNode) throws(CrosswalkError) -> CalendarDate {
            let s = try string(n)
            guard let d = CalendarDate(s) else { throw fail(n, "'\(s.prefix(40))' is not a date; write YYYY-MM-DD") }
            return d
        }
    }
}
