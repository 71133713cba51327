import Foundation

extension Assessment {
    /// Reads an `assessment.json` (what `crosswalk assess --out` and ``ReportBundle`` write)
    /// back into the assessment it was written from: equal to it, cell for cell and score
    /// for score.
    ///
    /// The file is untrusted: it is parsed by the strict reader (bounded size and depth,
    /// duplicate members and trailing data refused, errors located), its `format` and
    /// `formatVersion` are checked first, then every value is typed. The cells carry their
    /// typed reason (`reasonDetail`); the scores are recomputed from the cells, exactly as
    /// the engine sums them, and must agree with the file's, so an edited file is refused.
    /// - Throws: ``CrosswalkError``: `json-malformed`, `json-too-deep`, `file-too-large`,
    ///   `unknown-document`, `unsupported-version` (a file written before Crosswalk wrote
    ///   reason details says so), `invalid-value`.
    public init(assessmentJSON bytes: [UInt8], file: String) throws(CrosswalkError) {
        // Syntax, format and version, with located errors (the diff reader's checks).
        let snapshot = try AssessmentSnapshot(bytes, file: file)
        let document: AssessmentDocument
        do {
            document = try JSONDecoder().decode(AssessmentDocument.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw CrosswalkError(.invalidValue, "\(Self.describe(error)); is this an assessment.json that crosswalk assess wrote?", at: SourceLocation(file: file))
        } catch {
            throw CrosswalkError(.invalidValue, "\(error)", at: SourceLocation(file: file))
        }
        var cells: [Cell] = []
        cells.reserveCapacity(document.cells.count)
        for (i, c) in document.cells.enumerated() {
            guard let reason = c.reasonDetail else {
                throw CrosswalkError(.unsupportedVersion, "cell \(i + 1) has no reasonDetail: the file was written by a Crosswalk that did not record the typed reasons; run crosswalk assess again to read it back as an assessment",
                                     at: SourceLocation(file: file))
            }
            cells.append(Cell(requirement: RequirementRef(c.framework, c.requirement), system: c.system, status: c.status, reason: reason, evidence: c.evidence,
                              via: c.via, owner: c.requirementOwner, deadline: c.deadline, credit: c.credit ?? 0, applicability: c.applicability,
                              evidenceOmitted: c.evidenceOmitted ?? 0))
        }
        var scores: [Score] = []
        for (i, s) in document.scores.enumerated() {
            let recomputed: Score
            switch s.scope {
            case .overall: recomputed = Scoring.score(.overall, s.key, cells: cells)
            case .framework: recomputed = Scoring.score(.framework, s.key, cells: cells.lazy.filter { $0.requirement.framework.rawValue == s.key })
            case .system: recomputed = Scoring.score(.system, s.key, cells: cells.lazy.filter { $0.system == s.key })
            case .heading:
                let headings = document.cells.map { c in c.heading.map { "\(c.framework.rawValue):\($0)" } }
                recomputed = Scoring.score(.heading, s.key, cells: zip(cells, headings).lazy.filter { $0.1 == s.key }.map(\.0))
            }
            let written = snapshot.scores[i]
            let readiness = recomputed.isScored ? (recomputed.readiness * 10_000).rounded() / 10_000 : nil
            let counts = s.counts.map { c in c.filter { $0.value != 0 } }
            let recomputedCounts = Dictionary(uniqueKeysWithValues: recomputed.counts.map { ($0.key.rawValue, $0.value) })
            guard recomputed.assessedCells == written.assessedCells, readiness == written.readiness.map({ ($0 * 10_000).rounded() / 10_000 }),
                  counts == nil || counts == recomputedCounts else {
                throw CrosswalkError(.invalidValue, "score \(i + 1) (\(s.scope.rawValue) \(s.key)) does not agree with the cells (\(written.assessedCells) cells scored, readiness \(written.readiness.map { String($0) } ?? "null"); the cells give \(recomputed.assessedCells) and \(readiness.map { String($0) } ?? "null"), counts \(recomputedCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))): the file was edited or damaged",
                                     at: SourceLocation(file: file))
            }
            scores.append(recomputed)
        }
        let warnings = document.warnings.map { w in
            Diagnostic(w.severity ?? .warning, w.code, w.message, at: SourceLocation(file: w.file ?? w.location, line: w.line ?? 0, column: w.column ?? 0))
        }
        self.init(organization: document.organization.name, asOf: document.asOf, frameworks: document.frameworks, cells: cells, scores: scores, warnings: warnings)
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case let .keyNotFound(key, c): return "\(path(c)).\(key.stringValue) is missing"
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c): return "\(path(c)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// The members of `assessment.json` an ``Assessment`` is read from (the rest are ignored).
private struct AssessmentDocument: Decodable {
    struct Name: Decodable { var name: String }
    struct ScoreRow: Decodable { var scope: ScoreScope; var key: String; var counts: [String: Int]? }
    struct CellRow: Decodable {
        var framework: FrameworkID
        var requirement: String
        var system: String?
        var status: CellStatus
        var evidence: [String]
        var evidenceOmitted: Int?
        var via: [String]
        var deadline: CalendarDate?
        var credit: Double?
        var applicability: String
        var heading: String?
        var requirementOwner: String?
        var reasonDetail: CellReason?
    }
    struct WarningRow: Decodable {
        var code: CrosswalkError.Code
        var message: String
        var location: String
        var severity: Diagnostic.Severity?
        var file: String?
        var line: Int?
        var column: Int?
    }
    var organization: Name
    var asOf: CalendarDate
    var frameworks: [FrameworkID]
    var scores: [ScoreRow]
    var cells: [CellRow]
    var warnings: [WarningRow]
}
