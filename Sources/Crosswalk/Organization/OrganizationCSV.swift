/// Imports the two lists consultants keep in spreadsheets — the AI system inventory and
/// the evidence register — from CSV (RFC 4180, UTF-8, header row; columns in
/// `Docs/OrganisationFormat.md`). Rows are located by line in every error.
public enum OrganizationCSV {
    public static let systemColumns = ["id", "name", "purpose", "owner", "business_unit", "lifecycle", "sourcing", "vendor", "risk_tier", "annex_iii", "eu_roles", "conditions"]
    public static let evidenceColumns = ["id", "title", "kind", "owner", "collected", "valid_until", "review_days", "status", "satisfies", "systems", "location", "sha256"]

    /// Reads the AI system inventory.
    /// - Throws: ``CrosswalkError`` with every problem (unknown or missing column, bad value, a
    ///   limit of `limits` exceeded), located by line.
    public static func systems(_ bytes: [UInt8], file: String, limits: InputLimits = .default) throws(CrosswalkError) -> [AISystem] {
        var log = DiagnosticLog(file: file)
        var out: [AISystem] = []
        for row in table(bytes, file: file, columns: systemColumns, required: ["id", "name"], limits: limits, log: &log) {
            row.checkIdentifiers(["id", "owner"], limits, &log)
            var s = AISystem(id: row["id"], name: row["name"], location: SourceLocation(file: file, line: row.line))
            s.purpose = row["purpose"]; s.owner = row["owner"]; s.businessUnit = row["business_unit"]
            s.lifecycle = row["lifecycle", default: "production"]; s.sourcing = row["sourcing", default: "in-house"]; s.vendor = row["vendor"]
            s.riskTier = row["risk_tier", default: "minimal"]; s.annexIII = row["annex_iii"]
            s.euRoles = list(row["eu_roles"]); s.conditions = list(row["conditions"])
            row.check(s.lifecycle, ["planned", "development", "production", "retired"], "lifecycle", &log)
            row.check(s.sourcing, ["in-house", "third-party-service", "embedded"], "sourcing", &log)
            row.check(s.riskTier, ["prohibited", "high", "limited", "minimal", "general-purpose", "general-purpose-systemic"], "risk_tier", &log)
            for r in s.euRoles { row.check(r, OrganizationHandler.roles, "eu_roles", &log) }
            out.append(s)
        }
        try log.throwIfErrors()
        return out
    }

    /// Reads the evidence register. `satisfies` lists `framework:label` separated by `;`,
    /// each optionally followed by `=partial` (default full); `systems` lists system ids
    /// separated by `;` (empty: the whole organisation).
    public static func evidence(_ bytes: [UInt8], file: String, limits: InputLimits = .default) throws(CrosswalkError) -> [Evidence] {
        var log = DiagnosticLog(file: file)
        var out: [Evidence] = []
        for row in table(bytes, file: file, columns: evidenceColumns, required: ["id", "title", "satisfies"], limits: limits, log: &log) {
            row.checkIdentifiers(["id", "owner"], limits, &log)
            for s in list(row["systems"]) { if let p = limits.identifierProblem(s, "a system id in systems") { log.error(.identifierTooLong, p, line: row.line) } }
            func date(_ c: String) -> CalendarDate? {
                let v = row[c]
                if v.isEmpty { return nil }
                if let d = CalendarDate(v) { return d }
                log.error(.invalidValue, "\(c) '\(v)' is not a date; write YYYY-MM-DD", line: row.line)
                return nil
            }
            var claims: [EvidenceClaim] = []
            for part in list(row["satisfies"]) {
                var text = part, full = true
                if let p = limits.identifierProblem(part, "a satisfies entry") { log.error(.identifierTooLong, p, line: row.line); continue }
                if text.hasSuffix("=partial") { text.removeLast(8); full = false } else if text.hasSuffix("=full") { text.removeLast(5) }
                if let r = RequirementRef(parsing: text) { claims.append(EvidenceClaim(requirement: r, full: full)) }
                else { log.error(.invalidValue, "satisfies entry '\(part)' must be framework:label, optionally with =partial", line: row.line) }
            }
            var reviewDays: Int?
            if !row["review_days"].isEmpty {
                if let n = Int(row["review_days"]), n > 0, n <= 36_500 { reviewDays = n } else { log.error(.invalidValue, "review_days '\(row["review_days"])' must be a whole number of days from 1 to 36500", line: row.line) }
            }
            let status = row["status", default: "approved"]
            row.check(status, ["draft", "approved"], "status", &log)
            out.append(Evidence(id: row["id"], title: row["title"], kind: row["kind", default: "other"], owner: row["owner"], collected: date("collected"),
                                validUntil: date("valid_until"), reviewDays: reviewDays, status: status, claims: claims, systems: list(row["systems"]),
                                locationURI: row["location"], sha256: row["sha256"], location: SourceLocation(file: file, line: row.line)))
        }
        try log.throwIfErrors()
        return out
    }

    static func list(_ cell: String) -> [String] {
        cell.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    struct Row {
        var values: [String: String]
        var line: Int
        subscript(_ key: String, default fallback: String = "") -> String {
            let v = values[key] ?? ""
            return v.isEmpty ? fallback : v
        }
        func check(_ value: String, _ allowed: [String], _ name: String, _ log: inout DiagnosticLog) {
            if !allowed.contains(value) { log.error(.invalidValue, "\(name) '\(value)' is not one of \(allowed.joined(separator: ", "))", line: line) }
        }
        func checkIdentifiers(_ columns: [String], _ limits: InputLimits, _ log: inout DiagnosticLog) {
            for c in columns {
                if let p = limits.identifierProblem(self[c], c) { log.error(.identifierTooLong, p, line: line) }
            }
        }
    }

    /// Parses the table and checks its header.
    static func table(_ bytes: [UInt8], file: String, columns: [String], required: [String], limits: InputLimits, log: inout DiagnosticLog) -> [Row] {
        if bytes.count > limits.maxCSVBytes {
            log.error(.csvTooLarge, "the file is \(bytes.count) bytes, more than the limit of \(limits.maxCSVBytes); split it or raise the CSV size limit", line: 0)
            return []
        }
        let records: [(fields: [String], line: Int)]
        do { records = try CSVReader.parse(bytes, maxRecords: limits.maxCSVRows, maxFieldBytes: limits.maxCSVFieldBytes, maxFields: max(columns.count, 64)) } catch {
            log.error(error.code, error.message, line: error.line)
            return []
        }
        guard let header = records.first else {
            log.error(.missingElement, "the file is empty; the first row must name the columns: \(columns.joined(separator: ","))", line: 1)
            return []
        }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        for (i, n) in names.enumerated() where !columns.contains(n) {
            log.error(.unknownAttribute, "unknown column '\(header.fields[i])'; known: \(columns.joined(separator: ", "))", line: 1, column: i + 1)
        }
        for r in required where !names.contains(r) { log.error(.missingElement, "the required column '\(r)' is missing", line: 1) }
        var rows: [Row] = []
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.isEmpty }) { continue }
            if record.fields.count != names.count {
                log.error(.invalidValue, "this row has \(record.fields.count) fields, the header \(names.count)", line: record.line)
                continue
            }
            var values: [String: String] = [:]
            for (n, v) in zip(names, record.fields) { values[n] = v.trimmingSpaces }
            for r in required where (values[r] ?? "").isEmpty { log.error(.missingAttribute, "'\(r)' is empty", line: record.line) }
            rows.append(Row(values: values, line: record.line))
        }
        return rows
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

/// An RFC 4180 reader: quoted fields with doubled quotes, CRLF or LF line ends, a UTF-8
/// byte-order mark ignored. A formula-neutralising apostrophe written by ``CSVWriter`` is
/// removed again.
enum CSVReader {
    struct Failure: Error { var code: CrosswalkError.Code = .csvMalformed; var message: String; var line: Int }

    /// Parses `bytes` into records, each with the line it starts on.
    /// - Throws: ``Failure`` for a syntax error, more than `maxRecords` records, a field
    ///   longer than `maxFieldBytes`, or a record of more than `maxFields` fields.
    static func parse(_ bytes: [UInt8], maxRecords: Int = .max, maxFieldBytes: Int = .max, maxFields: Int = .max) throws(Failure) -> [(fields: [String], line: Int)] {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var records: [(fields: [String], line: Int)] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var quoted = false, wasQuoted = false
        func endField() {
            var s = String(decoding: field, as: UTF8.self)
            if s.count >= 2, s.first == "'", let second = s.dropFirst().first, "=+-@\t\r".contains(second) { s.removeFirst() }
            fields.append(s)
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if field.count >= maxFieldBytes {
                throw Failure(code: .csvFieldTooLong, message: "a field is longer than the limit of \(maxFieldBytes) bytes (an unclosed quote?); shorten it or raise the field limit", line: recordLine)
            }
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 2; continue }
                    quoted = false
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                if field.isEmpty && !wasQuoted { quoted = true; wasQuoted = true } else { throw Failure(message: "a quote inside an unquoted field; quote the whole field and double the quote", line: line) }
            case UInt8(ascii: ","):
                endField()
                if fields.count >= maxFields {
                    throw Failure(code: .csvMalformed, message: "a row has more than \(maxFields) fields; the import has \(maxFields) columns at most", line: recordLine)
                }
            case 0x0D: break
            case 0x0A:
                endField()
                if records.count >= maxRecords {
                    throw Failure(code: .csvTooManyRows, message: "more than \(maxRecords) rows; split the file or raise the row limit", line: recordLine)
                }
                records.append((fields, recordLine))
                fields = []
                line += 1
                recordLine = line
            default:
                if wasQuoted { throw Failure(message: "text after a closing quote; quote the whole field", line: line) }
                field.append(b)
            }
            i += 1
        }
        if quoted { throw Failure(message: "a quoted field is not closed before the end of the file", line: recordLine) }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endField(); records.append((fields, recordLine)) }
        return records
    }
}
