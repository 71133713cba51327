extension CrosswalkError.Code {
    /// A JSON input that is not well-formed JSON (RFC 8259).
    public static let jsonMalformed: CrosswalkError.Code = "json-malformed"
    /// A JSON input nested deeper than its limit.
    public static let jsonTooDeep: CrosswalkError.Code = "json-too-deep"
}

/// A JSON value read from untrusted bytes, with the byte offset where it starts (turned
/// into a line and column only when an error needs one).
package struct JSONNode: Sendable {
    public enum Value: Sendable {
        case null
        case bool(Bool)
        /// The number's text, as written (checked against RFC 8259's grammar).
        case number(String)
        case string(String)
        case array([JSONNode])
        /// Members in document order; duplicate names are refused by the reader.
        case object([(key: String, value: JSONNode)])
    }
    public var value: Value
    public var offset: Int

    /// The member `key` of an object, nil when absent or not an object.
    public subscript(key: String) -> JSONNode? {
        guard case let .object(members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// A strict RFC 8259 reader for untrusted JSON: bounded size and depth, UTF-8 checked,
/// duplicate member names and trailing data refused, every error located as
/// `file:line:column`.
package struct JSONReader {
    /// The largest document read (256 MiB by default).
    public var maxBytes: Int
    /// The deepest nesting of arrays and objects (64 by default; `assessment.json` needs 5).
    public var maxDepth: Int

    public init(maxBytes: Int = 256 << 20, maxDepth: Int = 64) { self.maxBytes = maxBytes; self.maxDepth = maxDepth }

    /// Parses `bytes` (named `file` in errors).
    /// - Throws: ``CrosswalkError`` `json-malformed`, `json-too-deep` or `file-too-large`.
    public func parse(_ bytes: [UInt8], file: String) throws(CrosswalkError) -> JSONNode {
        if bytes.count > maxBytes {
            throw CrosswalkError(.fileTooLarge, "the file is \(bytes.count) bytes, over the limit of \(maxBytes); is it an assessment.json?", at: SourceLocation(file: file))
        }
        var p = Parser(bytes: bytes, file: file, maxDepth: maxDepth)
        // A UTF-8 byte order mark is tolerated, as RFC 8259 allows readers to.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }
        p.skipSpace()
        if p.i == bytes.count { throw p.fail(p.i, "the file is empty; expected a JSON object") }
        let root = try p.value(depth: 0)
        p.skipSpace()
        if p.i != bytes.count { throw p.fail(p.i, "unexpected data after the JSON document; a file holds one document") }
        return root
    }

    /// `file:line:column` of a byte offset in `bytes`.
    public static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    struct Parser {
        let bytes: [UInt8]
        let file: String
        let maxDepth: Int
        var i = 0

        init(bytes: [UInt8], file: String, maxDepth: Int) { self.bytes = bytes; self.file = file; self.maxDepth = maxDepth }

        func fail(_ at: Int, _ message: String, _ code: CrosswalkError.Code = .jsonMalformed) -> CrosswalkError {
            CrosswalkError(code, message, at: JSONReader.location(of: at, in: bytes, file: file))
        }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func value(depth: Int) throws(CrosswalkError) -> JSONNode {
            skipSpace()
            guard i < bytes.count else { throw fail(i, "the document ends where a value was expected; the file is truncated") }
            let start = i
            switch bytes[i] {
            case UInt8(ascii: "{"):
                guard depth < maxDepth else { throw fail(i, "nesting deeper than \(maxDepth) levels; this is not an assessment.json", .jsonTooDeep) }
                i += 1
                var members: [(key: String, value: JSONNode)] = []
                var seen = Set<String>()
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return JSONNode(value: .object(members), offset: start) }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail(i, "expected a member name in double quotes") }
                    let keyAt = i
                    let key = try string()
                    guard seen.insert(key).inserted else { throw fail(keyAt, "member \"\(key.prefix(64))\" appears twice in one object") }
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail(i, "expected ':' after the member name") }
                    i += 1
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard i < bytes.count else { throw fail(i, "the document ends inside an object; the file is truncated") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return JSONNode(value: .object(members), offset: start) }
                    throw fail(i, "expected ',' or '}' in an object")
                }
            case UInt8(ascii: "["):
                guard depth < maxDepth else { throw fail(i, "nesting deeper than \(maxDepth) levels; this is not an assessment.json", .jsonTooDeep) }
                i += 1
                var items: [JSONNode] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return JSONNode(value: .array(items), offset: start) }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < bytes.count else { throw fail(i, "the document ends inside an array; the file is truncated") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return JSONNode(value: .array(items), offset: start) }
                    throw fail(i, "expected ',' or ']' in an array")
                }
            case UInt8(ascii: "\""):
                return JSONNode(value: .string(try string()), offset: start)
            case UInt8(ascii: "t"): try literal("true"); return JSONNode(value: .bool(true), offset: start)
            case UInt8(ascii: "f"): try literal("false"); return JSONNode(value: .bool(false), offset: start)
            case UInt8(ascii: "n"): try literal("null"); return JSONNode(value: .null, offset: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return JSONNode(value: .number(try number()), offset: start)
            default:
                throw fail(i, "unexpected character; expected a JSON value (object, array, string, number, true, false or null)")
            }
        }

        mutating func literal(_ word: StaticString) throws(CrosswalkError) {
            let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard i + w.count <= bytes.count, bytes[i..<i + w.count].elementsEqual(w) else { throw fail(i, "unexpected word; expected \(word)") }
            i += w.count
        }

        mutating func number() throws(CrosswalkError) -> String {
            let start = i
            func digit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, digit(bytes[i]) else { throw fail(i, "a number needs a digit here") }
            if bytes[i] == UInt8(ascii: "0") { i += 1 } else { while i < bytes.count, digit(bytes[i]) { i += 1 } }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard i < bytes.count, digit(bytes[i]) else { throw fail(i, "a number needs a digit after '.'") }
                while i < bytes.count, digit(bytes[i]) { i += 1 }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard i < bytes.count, digit(bytes[i]) else { throw fail(i, "a number needs a digit in its exponent") }
                while i < bytes.count, digit(bytes[i]) { i += 1 }
            }
            if i - start > 64 { throw fail(start, "a number of more than 64 characters") }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        /// A string starting at the opening quote; UTF-8 checked, escapes decoded.
        mutating func string() throws(CrosswalkError) -> String {
            i += 1
            var out: [UInt8] = []
            while true {
                guard i < bytes.count else { throw fail(i, "the document ends inside a string; the file is truncated") }
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""):
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard i + 1 < bytes.count else { throw fail(i, "the document ends inside an escape") }
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4(at: i - 2)
                        if scalar >= 0xD800 && scalar <= 0xDBFF {
                            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { throw fail(i, "a lone high surrogate in a \\u escape") }
                            i += 2
                            let low = try hex4(at: i - 2)
                            guard low >= 0xDC00 && low <= 0xDFFF else { throw fail(i - 6, "a high surrogate not followed by a low one") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                            throw fail(i - 6, "a lone low surrogate in a \\u escape")
                        }
                        out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
                    default:
                        throw fail(i - 2, "unknown escape; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
                    }
                case 0..<0x20:
                    throw fail(i, "a control character inside a string; escape it")
                case 0x20..<0x80:
                    out.append(b); i += 1
                default:
                    let n = try utf8Sequence()
                    out.append(contentsOf: bytes[i..<i + n]); i += n
                }
            }
        }

        /// Reads 4 hex digits after `\u` (the escape starts at `at`).
        mutating func hex4(at: Int) throws(CrosswalkError) -> UInt32 {
            guard i + 4 <= bytes.count else { throw fail(at, "a \\u escape needs four hexadecimal digits") }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = bytes[i + k]
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw fail(at, "a \\u escape needs four hexadecimal digits")
                }
                v = v << 4 | d
            }
            i += 4
            return v
        }

        /// The length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlongs, no surrogates).
        func utf8Sequence() throws(CrosswalkError) -> Int {
            let b0 = bytes[i]
            func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool { i + k < bytes.count && bytes[i + k] >= lo && bytes[i + k] <= hi }
            switch b0 {
            case 0xC2...0xDF where cont(1): return 2
            case 0xE0 where cont(1, 0xA0) && cont(2): return 3
            case 0xE1...0xEC where cont(1) && cont(2), 0xEE...0xEF where cont(1) && cont(2): return 3
            case 0xED where cont(1, 0x80, 0x9F) && cont(2): return 3
            case 0xF0 where cont(1, 0x90) && cont(2) && cont(3): return 4
            case 0xF1...0xF3 where cont(1) && cont(2) && cont(3): return 4
            case 0xF4 where cont(1, 0x80, 0x8F) && cont(2) && cont(3): return 4
            default: throw fail(i, "bytes that are not UTF-8; save the file as UTF-8", .jsonMalformed)
            }
        }
    }
}
