/// Imports the two lists consultants keep in spreadsheets — the AI system inventory and
/// the evidence register — from CSV (RFC 4180, UTF-8, header row; columns in
/// `Docs/OrganisationFormat.md`). Every error is located at its row and column (the column
/// is the field's number, 1 for the first). A file that is not UTF-8 (Excel's plain "CSV"
/// on Windows is Windows-1252) is refused with how to re-save it; a file Excel saved with
/// `;` between fields is read as such; a UTF-8 byte-order mark and CRLF line ends are fine.
public enum OrganizationCSV {
    public static let systemColumns = ["id", "name", "purpose", "owner", "business_unit", "lifecycle", "sourcing", "vendor", "risk_tier", "annex_iii", "eu_roles", "conditions",
                                             "go_live", "retired_on", "placed_on_market", "public_authority_use", "annex_x"]
    public static let evidenceColumns = ["id", "title", "kind", "owner", "collected", "valid_until", "review_days", "status", "satisfies", "systems", "location", "sha256", "provided_by"]

    /// Reads the AI system inventory. `eu_roles` lists roles separated by `;`; `conditions`
    /// lists EU conditions separated by `;`, each `name` (holds) or `!name` (does not hold).
    /// - Throws: ``CrosswalkError`` with every problem (unknown or missing column, bad value, a
    ///   limit of `limits` exceeded), located by line and column.
    public static func systems(_ bytes: [UInt8], file: String, limits: InputLimits = .default) throws(CrosswalkError) -> [AISystem] {
        var log = DiagnosticLog(file: file)
        var out: [AISystem] = []
        for row in CSVTable.rows(bytes, file: file, columns: systemColumns, required: ["id", "name"], limits: limits, log: &log) {
            row.checkIdentifiers(["id", "owner"], limits, &log)
            var s = AISystem(id: row["id"], name: row["name"], location: row.at("id"))
            s.purpose = row["purpose"]; s.owner = row["owner"]; s.businessUnit = row["business_unit"]; s.vendor = row["vendor"]
            s.lifecycle = row.vocabulary("lifecycle", Lifecycle.self, &log) ?? .production
            s.sourcing = row.vocabulary("sourcing", Sourcing.self, &log) ?? .inHouse
            s.riskTier = row.vocabulary("risk_tier", RiskTier.self, &log)
            if !row["annex_iii"].isEmpty { s.annexIII = OrganizationValidator.annexIII(row["annex_iii"], field: "annex_iii", at: row.at("annex_iii"), log: &log) }
            s.euRoles = OrganizationValidator.roles(list(row["eu_roles"]), field: "eu_roles", at: row.at("eu_roles"), log: &log)
            s.facts = facts(row["conditions"], at: row.at("conditions"), log: &log)
            s.goLive = date(row, "go_live", &log)
            s.retiredOn = date(row, "retired_on", &log)
            s.placedOnMarket = date(row, "placed_on_market", &log)
            s.publicAuthorityUse = flag(row, "public_authority_use", &log)
            s.annexXComponent = flag(row, "annex_x", &log)
            out.append(s)
        }
        try OrganizationValidator.throwSorted(log)
        return out
    }

    /// A date cell (`YYYY-MM-DD`), nil when empty.
    static func date(_ row: CSVTable.Row, _ column: String, _ log: inout DiagnosticLog) -> CalendarDate? {
        let v = row[column]
        if v.isEmpty { return nil }
        if let d = CalendarDate(v) { return d }
        log.error(.invalidValue, "\(column) '\(v)' is not a date; write YYYY-MM-DD", at: row.at(column))
        return nil
    }

    /// A true/false cell, false when empty.
    static func flag(_ row: CSVTable.Row, _ column: String, _ log: inout DiagnosticLog) -> Bool {
        switch row[column] {
        case "": return false
        case "true": return true
        case "false": return false
        case let v: log.error(.invalidValue, "\(column) '\(v)' must be true or false", at: row.at(column)); return false
        }
    }

    /// The `conditions` cell: `personal-data;!workplace-use` declares personal-data to hold
    /// and workplace-use not to.
    static func facts(_ cell: String, at location: SourceLocation, log: inout DiagnosticLog) -> [ConditionFact] {
        var out: [ConditionFact] = []
        for item in list(cell) {
            let holds = !item.hasPrefix("!")
            let name = holds ? item : String(item.dropFirst()).trimmingSpaces
            if let c = OrganizationValidator.vocabulary(name, EUCondition.self, field: "conditions", at: location, log: &log) {
                out.append(ConditionFact(c, holds: holds, location: location))
            }
        }
        return out
    }

    /// Reads the evidence register. `status` is required (`approved` or `draft`);
    /// `satisfies` lists `framework:label` separated by `;`, each optionally followed by
    /// `=partial` (default full); `systems` lists system ids separated by `;` (empty: the
    /// whole organisation).
    public static func evidence(_ bytes: [UInt8], file: String, limits: InputLimits = .default) throws(CrosswalkError) -> [Evidence] {
        var log = DiagnosticLog(file: file)
        var out: [Evidence] = []
        for row in CSVTable.rows(bytes, file: file, columns: evidenceColumns, required: ["id", "title", "status", "satisfies"], limits: limits, log: &log) {
            row.checkIdentifiers(["id", "owner"], limits, &log)
            let systems = list(row["systems"])
            for s in systems { if let p = limits.identifierProblem(s, "a system id in systems") { log.error(.identifierTooLong, p, at: row.at("systems")) } }
            var claims: [EvidenceClaim] = []
            for part in list(row["satisfies"]) {
                var text = part, coverage = Coverage.full
                if let p = limits.identifierProblem(part, "a satisfies entry") { log.error(.identifierTooLong, p, at: row.at("satisfies")); continue }
                if let eq = text.lastIndex(of: "=") {
                    let word = String(text[text.index(after: eq)...])
                    text = String(text[..<eq])
                    coverage = OrganizationValidator.vocabulary(word, Coverage.self, field: "coverage in satisfies", at: row.at("satisfies"), log: &log) ?? .partial
                }
                if let r = RequirementRef(parsing: text) { claims.append(EvidenceClaim(requirement: r, coverage: coverage, location: row.at("satisfies"))) }
                else { log.error(.invalidValue, "satisfies entry '\(part)' must be framework:label, optionally with =partial", at: row.at("satisfies")) }
            }
            var reviewDays: Int?
            if !row["review_days"].isEmpty {
                if let n = Int(row["review_days"]), n > 0, n <= 36_500 { reviewDays = n } else { log.error(.invalidValue, "review_days '\(row["review_days"])' must be a whole number of days from 1 to 36500", at: row.at("review_days")) }
            }
            // An empty status is reported by the table (a required column); never a default that scores.
            let status = row.vocabulary("status", EvidenceStatus.self, &log) ?? .draft
            let kind = row.vocabulary("kind", EvidenceKind.self, &log) ?? .other
            var e = Evidence(id: row["id"], title: row["title"], kind: kind, owner: row["owner"], collected: date(row, "collected", &log),
                             validUntil: date(row, "valid_until", &log), reviewDays: reviewDays, status: status, claims: claims, systems: systems,
                             locationURI: row["location"], sha256: row["sha256"], location: row.at("id"))
            e.systemLocations = systems.map { _ in row.at("systems") }
            if !row["provided_by"].isEmpty { e.providedBy = row.vocabulary("provided_by", EvidenceSource.self, &log) ?? .organization }
            out.append(e)
        }
        try OrganizationValidator.throwSorted(log)
        return out
    }

    public static let decisionColumns = ["requirement", "system", "applicable", "justification"]
    public static let ownerColumns = ["requirement", "system", "person"]

    /// Reads Statement of Applicability decisions: `requirement` (`framework:label`) and
    /// `applicable` (`true` or `false`) required; `system` names one AI system (empty: the
    /// whole organisation); `justification` as written.
    /// - Throws: ``CrosswalkError`` with every problem, located by line and column.
    public static func decisions(_ bytes: [UInt8], file: String, limits: InputLimits = .default) throws(CrosswalkError) -> [ApplicabilityDecision] {
        var log = DiagnosticLog(file: file)
        var out: [ApplicabilityDecision] = []
        for row in CSVTable.rows(bytes, file: file, columns: decisionColumns, required: ["requirement", "applicable"], limits: limits, log: &log) {
            row.checkIdentifiers(["requirement", "system"], limits, &log)
            guard let r = requirement(row, &log) else { continue }
            let applicable: Bool
            switch row["applicable"] {
            case "true": applicable = true
            case "false": applicable = false
            case let v: log.error(.invalidValue, "applicable '\(v)' must be true or false", at: row.at("applicable")); continue
            }
            out.append(ApplicabilityDecision(requirement: r, system: row["system"].isEmpty ? nil : row["system"], applicable: applicable,
                                             justification: row["justification"], location: row.at("requirement")))
        }
        try OrganizationValidator.throwSorted(log)
        return out
    }

    /// Reads owner assignments: `requirement` (`framework:label`) and `person` (a person id)
    /// required; `system` names one AI system whose cells the person owns (empty: the
    /// organisation's owner).
    /// - Throws: ``CrosswalkError`` with every problem, located by line and column.
    public static func owners(_ bytes: [UInt8], file: String, limits: InputLimits = .default) throws(CrosswalkError) -> [OwnerAssignment] {
        var log = DiagnosticLog(file: file)
        var out: [OwnerAssignment] = []
        for row in CSVTable.rows(bytes, file: file, columns: ownerColumns, required: ["requirement", "person"], limits: limits, log: &log) {
            row.checkIdentifiers(["requirement", "system", "person"], limits, &log)
            guard let r = requirement(row, &log) else { continue }
            out.append(OwnerAssignment(requirement: r, system: row["system"].isEmpty ? nil : row["system"], person: row["person"], location: row.at("requirement")))
        }
        try OrganizationValidator.throwSorted(log)
        return out
    }

    /// The `requirement` cell as `framework:label`, or a located error.
    static func requirement(_ row: CSVTable.Row, _ log: inout DiagnosticLog) -> RequirementRef? {
        if let r = RequirementRef(parsing: row["requirement"]) { return r }
        log.error(.invalidValue, "requirement '\(row["requirement"])' must be framework:label, e.g. iso42001:A.6.2.4", at: row.at("requirement"))
        return nil
    }

    static func list(_ cell: String) -> [String] {
        cell.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
}
