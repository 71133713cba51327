/// Writes JSON into a byte buffer, in the order it is told: keys are never reordered and
/// nothing is hashed, so the same values always give the same bytes. Two-space
/// indentation, one member per line, `\n` line ends; containers nested `compactFrom` deep
/// or deeper are written with no whitespace at all (`compact`: the whole document; the
/// document still ends with a newline). Strings are escaped per RFC 8259 (quote, backslash
/// and control characters; everything else as UTF-8).
package struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Per open container: true once it has a member.
    private var hasMember: [Bool] = []
    private var afterKey = false
    /// The nesting depth (the root container is 1) from which containers are written
    /// without whitespace; `Int.max` for none.
    let compactFrom: Int

    public init(reservingCapacity: Int = 0, compact: Bool = false) {
        self.init(reservingCapacity: reservingCapacity, compactFrom: compact ? 1 : .max)
    }

    /// A writer that indents the outer `compactFrom - 1` levels and writes each container
    /// nested deeper on one line (`assessment.json`: one line per cell).
    public init(reservingCapacity: Int = 0, compactFrom: Int) {
        self.compactFrom = compactFrom
        bytes.reserveCapacity(reservingCapacity)
    }

    public mutating func beginObject() { openValue(); bytes.append(UInt8(ascii: "{")); hasMember.append(false) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { openValue(); bytes.append(UInt8(ascii: "[")); hasMember.append(false) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A member name; the next call writes its value.
    public mutating func key(_ name: String) {
        newMember()
        string(raw: name)
        bytes.append(UInt8(ascii: ":"))
        if hasMember.count < compactFrom { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    public mutating func string(_ value: String) { openValue(); string(raw: value) }
    public mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    public mutating func number(_ value: Int) { openValue(); bytes.append(contentsOf: String(value).utf8) }
    /// A number with at most `decimals` decimals, trailing zeros dropped (`0.5`, `28.5`, `1`).
    public mutating func number(_ value: Double, decimals: Int) {
        openValue()
        bytes.append(contentsOf: Self.numberText(value, decimals: decimals).utf8)
    }
    /// The text ``number(_:decimals:)`` writes for `value`.
    static func numberText(_ value: Double, decimals: Int) -> String {
        var text = formatFixed(value, decimals: decimals)
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text
    }
    /// A number that reads back as exactly `value` (the shortest such decimal, no exponent).
    mutating func exactNumber(_ value: Double) {
        openValue()
        var text = "\(value)"
        if text.contains("e") || text.contains("E") || !value.isFinite { text = value.isFinite ? formatFixed(value, decimals: 17) : "0" }
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }
    public mutating func bool(_ value: Bool) { openValue(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    public mutating func null() { openValue(); bytes.append(contentsOf: "null".utf8) }
    /// A value already written as JSON by another writer (its trailing newline dropped).
    mutating func raw(json: [UInt8]) {
        openValue()
        var end = json.count
        while end > 0, json[end - 1] == 0x0A { end -= 1 }
        bytes.append(contentsOf: json[..<end])
    }

    /// `"name": "value"` in one call.
    public mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); number(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    /// `"name": ["a", "b"]`.
    public mutating func field(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for v in values { string(v) }
        endArray()
    }

    /// The document, ending with a newline.
    public var document: [UInt8] { bytes + [0x0A] }

    /// Ends the document with its newline and returns the bytes, without copying them.
    public consuming func finish() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }

    /// Hands the bytes written so far to `emit` once they pass `threshold`, and empties the
    /// buffer (for streaming large outputs to a file).
    public mutating func drain(over threshold: Int = 1 << 20, into emit: ([UInt8]) -> Void) {
        guard bytes.count >= threshold else { return }
        emit(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: Layout

    private mutating func openValue() {
        if afterKey { afterKey = false; return }
        if !hasMember.isEmpty { newMember() }
    }

    private mutating func newMember() {
        if hasMember.last == true { bytes.append(UInt8(ascii: ",")) }
        if !hasMember.isEmpty { hasMember[hasMember.count - 1] = true }
        newline(hasMember.count)
    }

    private mutating func close(_ bracket: UInt8) {
        let depth = hasMember.count
        let had = hasMember.removeLast()
        if had && depth < compactFrom { newline(depth - 1) }
        bytes.append(bracket)
    }

    /// A line break and the indentation of `depth`, unless the innermost open container is
    /// compact (nested `compactFrom` deep or deeper).
    private mutating func newline(_ depth: Int) {
        if hasMember.count >= compactFrom { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func string(raw value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs that need no escape are copied in bulk.
            var start = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                if i > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                start = i + 1
                switch b {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
