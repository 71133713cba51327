/// Writes RFC 4180 CSV into a byte buffer: UTF-8, CRLF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, and text cells a spreadsheet would run as a formula
/// neutralised.
///
/// A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading apostrophe (`'`), as OWASP advises, so Excel, LibreOffice and Google Sheets
/// show it as text. Numbers written with ``number(_:)`` are never altered.
public struct CSVWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var fieldsInRow = 0

    public init(reservingCapacity: Int = 0) { bytes.reserveCapacity(reservingCapacity) }

    /// Writes a whole row of text cells.
    public mutating func row(_ fields: [String]) {
        for f in fields { text(f) }
        endRow()
    }

    /// Writes a row from an array literal.
    public mutating func row(_ fields: String...) { row(fields) }

    /// A text cell, neutralised against formula injection.
    public mutating func text(_ value: String) {
        separator()
        var needsQuotes = false
        var formula = false
        var first = true
        for b in value.utf8 {
            if first {
                formula = b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "@") || b == 0x09 || b == 0x0D
                first = false
            }
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D { needsQuotes = true }
        }
        if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
        if formula { bytes.append(UInt8(ascii: "'")) }
        for b in value.utf8 {
            if b == UInt8(ascii: "\"") { bytes.append(b) }
            bytes.append(b)
        }
        if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
    }

    /// A numeric cell, written as is.
    public mutating func number(_ value: Int) {
        separator()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A numeric cell with a fixed number of decimals (no locale, no exponent).
    public mutating func number(_ value: Double, decimals: Int) {
        separator()
        bytes.append(contentsOf: formatFixed(value, decimals: decimals).utf8)
    }

    /// Ends the current row with CRLF.
    public mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        fieldsInRow = 0
    }

    private mutating func separator() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }
}

/// `value` rounded half away from zero to `decimals` places, as plain digits.
func formatFixed(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    let negative = value < 0 && scaled > 0
    let whole = Int(scaled)
    var digits = String(whole)
    if decimals > 0 {
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    return negative ? "-" + digits : digits
}
