/// A small writer of indented XML with escaping, for documents Crosswalk emits.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var stack: [String] = []
    /// False: no indentation and no line breaks between elements (large parts such as worksheets).
    private var indented = true

    init() {}
    /// `declaration` false: a fragment, without the XML declaration, to be joined to another part.
    init(indented: Bool, declaration: Bool = true) {
        self.indented = indented
        if !declaration { text = "" }
    }

    static func escape(_ s: String, attribute: Bool = false) -> String {
        // Most texts need nothing: one pass over the UTF-8 bytes decides, and the string
        // itself is returned. (Only ASCII bytes are escaped or dropped, except U+FFFE and
        // U+FFFF, whose UTF-8 starts with 0xEF 0xBF: such a text takes the slow path.)
        let clean = s.utf8.allSatisfy { b in
            b >= 0x20 ? (b != UInt8(ascii: "&") && b != UInt8(ascii: "<") && b != UInt8(ascii: ">") && b != 0xEF && !(attribute && b == UInt8(ascii: "\"")))
                      : (b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") || (b == UInt8(ascii: "\n") && !attribute))
        }
        if clean { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            default:
                // Characters XML 1.0 cannot carry are dropped.
                if ch.value < 0x20 && ch != "\n" && ch != "\t" && ch != "\r" { continue }
                if ch.value == 0xFFFE || ch.value == 0xFFFF { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Appends `s` to `out` escaped as ``escape(_:attribute:)`` does, in one pass over its
    /// UTF-8 bytes (runs that need nothing are copied at once; no new string is made).
    static func appendEscaped(_ s: String, attribute: Bool, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendEscaped($0, attribute: attribute, to: &out) }
    }

    /// Appends `s` to `out` as XML character data, escaped as ``escape(_:attribute:)`` does
    /// (`&`, `<`, `>`; characters XML 1.0 cannot carry dropped), working on UTF-8 bytes: the
    /// fast path for large parts such as worksheets.
    static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        appendEscaped(s, attribute: false, to: &out)
    }

    /// The escaping of ``escape(_:attribute:)`` on UTF-8 bytes: `&`, `<`, `>` (and in an
    /// attribute `"` and line feed) as references; C0 controls other than tab, line feed and
    /// carriage return, and U+FFFE, U+FFFF, dropped; every other byte copied.
    static func appendEscaped(_ u: UnsafeBufferPointer<UInt8>, attribute: Bool, to out: inout [UInt8]) {
        var i = 0
        let n = u.count
        while i < n {
            // A run of bytes that need nothing is copied at once.
            var j = i
            while j < n {
                let b = u[j]
                if b < 0x20 || b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == 0xEF || (attribute && b == UInt8(ascii: "\"")) { break }
                j += 1
            }
            if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<j])); i = j; if i == n { break } }
            let b = u[i]
            switch b {
            case UInt8(ascii: "&"): out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case UInt8(ascii: "<"): out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case UInt8(ascii: ">"): out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case UInt8(ascii: "\""): out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot; (only in an attribute: a text's quote is in the run)
            case 0x0A where attribute: out.append(contentsOf: [0x26, 0x23, 0x31, 0x30, 0x3B])  // &#10;
            case 0x09, 0x0A, 0x0D: out.append(b)
            case 0x00..<0x20: break
            case 0xEF where i + 2 < n && u[i + 1] == 0xBF && (u[i + 2] == 0xBE || u[i + 2] == 0xBF): i += 2  // U+FFFE, U+FFFF
            default: out.append(b)
            }
            i += 1
        }
    }

    /// Returns the text written so far and empties it, keeping the open elements (for
    /// handing a large part to a compressor a piece at a time).
    mutating func takeText() -> String {
        defer { text = "" }
        return text
    }

    private var indent: String { indented ? String(repeating: "  ", count: stack.count) : "" }
    private var newline: String { indented ? "\n" : "" }

    private func attributes(_ attrs: [(String, String)]) -> String {
        attrs.map { " \($0.0)=\"\(Self.escape($0.1, attribute: true))\"" }.joined()
    }

    mutating func open(_ name: String, _ attrs: [(String, String)] = []) {
        text += "\(indent)<\(name)\(attributes(attrs))>\(newline)"
        stack.append(name)
    }

    mutating func close() {
        let name = stack.removeLast()
        text += "\(indent)</\(name)>\(newline)"
    }

    mutating func empty(_ name: String, _ attrs: [(String, String)] = []) {
        text += "\(indent)<\(name)\(attributes(attrs))/>\(newline)"
    }

    mutating func leaf(_ name: String, _ content: String, _ attrs: [(String, String)] = []) {
        text += "\(indent)<\(name)\(attributes(attrs))>\(Self.escape(content))</\(name)>\(newline)"
    }
}

/// A deterministic identifier in UUID form (version 4 layout, variant 1), from a key:
/// the same key always gives the same UUID.
func stableUUID(_ key: String) -> String {
    var h1: UInt64 = 0xcbf29ce484222325, h2: UInt64 = 0x84222325cbf29ce4
    for b in key.utf8 {
        h1 = (h1 ^ UInt64(b)) &* 0x100000001b3
        h2 = (h2 ^ UInt64(b)) &* 0x100000001b3 &+ 0x9e3779b97f4a7c15
    }
    var bytes: [UInt8] = []
    for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: h1 >> (8 * i))) }
    for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: h2 >> (8 * i))) }
    bytes[6] = (bytes[6] & 0x0f) | 0x40
    bytes[8] = (bytes[8] & 0x3f) | 0x80
    let hex = bytes.map { b -> String in let s = String(b, radix: 16); return s.count == 1 ? "0" + s : s }.joined()
    let c = Array(hex)
    return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
}
