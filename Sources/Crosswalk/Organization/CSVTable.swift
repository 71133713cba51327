/// A CSV import read into rows by column name, each value located by line and column.
struct CSVTable {
    struct Row {
        var values: [String: String]
        /// The 1-based field number of each column.
        var columns: [String: Int]
        var file: String
        var line: Int

        subscript(_ key: String) -> String { values[key] ?? "" }

        /// Where the cell of `column` is (the row when the column is absent).
        func at(_ column: String) -> SourceLocation { SourceLocation(file: file, line: line, column: columns[column] ?? 0) }

        /// The cell of `column` as a value of `V`: nil when empty or unknown (unknown is an error).
        func vocabulary<V: OrganizationVocabulary>(_ column: String, _ type: V.Type, _ log: inout DiagnosticLog) -> V? {
            let v = self[column]
            if v.isEmpty { return nil }
            return OrganizationValidator.vocabulary(v, V.self, field: column, at: at(column), log: &log)
        }

        func checkIdentifiers(_ names: [String], _ limits: InputLimits, _ log: inout DiagnosticLog) {
            for c in names {
                if let p = limits.identifierProblem(self[c], c) { log.error(.identifierTooLong, p, at: at(c)) }
            }
        }
    }

    /// Parses the table and checks its encoding, separator and header.
    static func rows(_ bytes: [UInt8], file: String, columns: [String], required: [String], limits: InputLimits, log: inout DiagnosticLog) -> [Row] {
        if bytes.count > limits.maxCSVBytes {
            log.error(.csvTooLarge, "the file is \(bytes.count) bytes, more than the limit of \(limits.maxCSVBytes); split it or raise the CSV size limit", line: 0)
            return []
        }
        if let bad = CSVReader.firstInvalidUTF8(bytes) {
            let hex = String(bad.byte, radix: 16, uppercase: true)
            log.error(.csvEncoding, "the file is not UTF-8 (byte 0x\(hex) here; Excel's plain \"CSV\" is Windows-1252): re-save it as UTF-8 — in Excel, Save As \"CSV UTF-8 (Comma delimited) (*.csv)\"; in LibreOffice, Save As CSV with character set \"Unicode (UTF-8)\"",
                      line: bad.line, column: bad.column)
            return []
        }
        let delimiter = CSVReader.delimiter(bytes)
        let records: [(fields: [String], line: Int)]
        do { records = try CSVReader.parse(bytes, delimiter: delimiter, maxRecords: limits.maxCSVRows, maxFieldBytes: limits.maxCSVFieldBytes, maxFields: max(columns.count, 64)) } catch {
            log.error(error.code, error.message, line: error.line, column: error.column)
            return []
        }
        guard let header = records.first else {
            log.error(.missingElement, "the file is empty; the first row must name the columns: \(columns.joined(separator: ","))", line: 1)
            return []
        }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        for (i, n) in names.enumerated() where !columns.contains(n) {
            var m = "unknown column '\(header.fields[i])'"
            if n.contains(";") {
                m += "; this file looks semicolon-separated, but its header also has a comma: save it with one separator (Excel: \"CSV UTF-8 (Comma delimited)\")"
            } else if let near = OrganizationValidator.nearest(n, in: columns) { m += "; did you mean '\(near)'?" }
            log.error(.unknownAttribute, m + " Known: \(columns.joined(separator: ", "))", line: 1, column: i + 1)
        }
        for r in required where !names.contains(r) { log.error(.missingElement, "the required column '\(r)' is missing", line: 1) }
        var positions: [String: Int] = [:]
        for (i, n) in names.enumerated() where positions[n] == nil { positions[n] = i + 1 }
        var rows: [Row] = []
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.isEmpty }) { continue }
            if record.fields.count != names.count {
                log.error(.invalidValue, "this row has \(record.fields.count) fields, the header \(names.count)", line: record.line)
                continue
            }
            var values: [String: String] = [:]
            for (n, v) in zip(names, record.fields) { values[n] = v.trimmingSpaces }
            let row = Row(values: values, columns: positions, file: file, line: record.line)
            for r in required where names.contains(r) && row[r].isEmpty {
                let hint = r == "status" ? "; write approved (with a collected date) or draft: evidence is never counted on a guess" : "; it is required"
                log.error(.missingAttribute, "'\(r)' is empty\(hint)", at: row.at(r))
            }
            rows.append(row)
        }
        return rows
    }
}
