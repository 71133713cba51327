/// Writes RFC 4180 CSV into a byte buffer: UTF-8, CRLF line ends, fields quoted when they
/// hold a comma, quote, CR or LF, and text cells a spreadsheet would run as a formula
/// neutralised.
///
/// A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading apostrophe (`'`), as OWASP advises, so Excel, LibreOffice and Google Sheets
/// show it as text. Numbers written with ``number(_:)`` are never altered.
package struct CSVWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var fieldsInRow = 0

    public init(reservingCapacity: Int = 0) { bytes.reserveCapacity(reservingCapacity) }

    /// Hands the bytes written so far to `emit` once they pass `threshold`, and empties the
    /// buffer (for streaming large outputs to a file).
    public mutating func drain(over threshold: Int = 1 << 20, into emit: ([UInt8]) -> Void) {
        guard bytes.count >= threshold else { return }
        emit(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

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
        var value = value
        value.withUTF8 { u in
            guard let first = u.first else { return }
            let formula = first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
            var needsQuotes = false, hasQuote = false
            for b in u where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
                needsQuotes = true
                if b == UInt8(ascii: "\"") { hasQuote = true; break }
            }
            if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
            if formula { bytes.append(UInt8(ascii: "'")) }
            if hasQuote {
                for b in u {
                    if b == UInt8(ascii: "\"") { bytes.append(b) }
                    bytes.append(b)
                }
            } else {
                bytes.append(contentsOf: u)
            }
            if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
        }
    }

    /// A numeric cell, written as is.
    public mutating func number(_ value: Int) {
        separator()
        appendDigits(UInt64(value.magnitude), negative: value < 0, decimals: 0)
    }

    /// A numeric cell with a fixed number of decimals (no locale, no exponent).
    public mutating func number(_ value: Double, decimals: Int) {
        separator()
        // The same digits as `formatFixed`, without making strings, where the value fits.
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard decimals <= 9, scaled < 9.0e15 else {
            bytes.append(contentsOf: formatFixed(value, decimals: decimals).utf8)
            return
        }
        appendDigits(UInt64(scaled), negative: value < 0 && scaled > 0, decimals: decimals)
    }

    /// `whole` as digits with a point before the last `decimals` (at least one digit before it).
    private mutating func appendDigits(_ whole: UInt64, negative: Bool, decimals: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, on the stack
        withUnsafeMutableBytes(of: &digits) { buf in
            var i = buf.count
            var v = whole
            var written = 0
            repeat {
                i -= 1
                buf[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                written += 1
                if written == decimals && decimals > 0 { i -= 1; buf[i] = UInt8(ascii: ".") }
            } while v > 0 || written <= decimals
            if negative { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[i...]))
        }
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
