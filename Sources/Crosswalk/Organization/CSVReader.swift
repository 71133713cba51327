extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

/// An RFC 4180 reader: quoted fields with doubled quotes, CRLF or LF line ends, a UTF-8
/// byte-order mark ignored, `,` or (for files Excel saves with a European list separator)
/// `;` between fields. A formula-neutralising apostrophe written by ``CSVWriter`` is
/// removed again.
enum CSVReader {
    struct Failure: Error { var code: CrosswalkError.Code = .csvMalformed; var message: String; var line: Int; var column: Int = 0 }

    /// The first byte that is not UTF-8, as (line, column in characters), or nil when the
    /// whole input is UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8)? {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00..<0x80: length = 1
            case 0xC2..<0xE0: length = 2
            case 0xE0..<0xF0: length = 3
            case 0xF0..<0xF5: length = 4
            default: return (line, column, b)
            }
            if length > 1 {
                guard i + length <= bytes.count, bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
                      String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else { return (line, column, b) }
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return nil
    }

    /// The separator of the header line: `;` when it has semicolons and no comma outside
    /// quotes (a "CSV" saved by Excel with a European list separator), else `,`.
    static func delimiter(_ bytes: [UInt8]) -> UInt8 {
        var quoted = false, commas = 0, semicolons = 0
        for b in bytes {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            else if !quoted && b == 0x0A { break }
            else if !quoted && b == UInt8(ascii: ",") { commas += 1 }
            else if !quoted && b == UInt8(ascii: ";") { semicolons += 1 }
        }
        return commas == 0 && semicolons > 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Parses `bytes` into records, each with the line it starts on.
    /// - Throws: ``Failure`` for a syntax error, more than `maxRecords` records, a field
    ///   longer than `maxFieldBytes`, or a record of more than `maxFields` fields.
    static func parse(_ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), maxRecords: Int = .max, maxFieldBytes: Int = .max, maxFields: Int = .max) throws(Failure) -> [(fields: [String], line: Int)] {
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
            case delimiter:
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
