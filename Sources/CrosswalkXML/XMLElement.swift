/// A node of a small in-memory tree: an element or a run of text.
public enum XMLNode: Sendable, Hashable {
    case element(XMLElement)
    case text(String)
}

/// An element of a small document (catalogue, crosswalk), copied out of libxml2 into
/// Swift values. Large inputs (organisation files) use ``XMLEventHandler`` directly.
public struct XMLElement: Sendable, Hashable {
    /// Local name, without prefix.
    public var name: String
    /// Namespace URI, or "" when none.
    public var namespace: String
    public var attributes: [XMLAttribute]
    public var children: [XMLNode]
    /// Where the start tag ends (1-based).
    public var line: Int
    public var column: Int

    public init(name: String, namespace: String = "", attributes: [XMLAttribute] = [], children: [XMLNode] = [], line: Int = 0, column: Int = 0) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.line = line
        self.column = column
    }

    /// The value of the attribute `name` (no namespace), if present.
    public func attribute(_ name: String) -> String? {
        for a in attributes where a.name == name && a.namespace.isEmpty { return a.value }
        return nil
    }

    /// The child elements, in document order.
    public var elements: [XMLElement] {
        var out: [XMLElement] = []
        out.reserveCapacity(children.count)
        for case .element(let e) in children { out.append(e) }
        return out
    }

    /// Child elements named `name` (one pass over the children, no intermediate array).
    public func elements(named name: String) -> [XMLElement] {
        var out: [XMLElement] = []
        for case .element(let e) in children where e.name == name { out.append(e) }
        return out
    }

    /// The first child element named `name`.
    public func firstElement(named name: String) -> XMLElement? {
        for case .element(let e) in children where e.name == name { return e }
        return nil
    }

    /// All text below this element, in document order, with runs of white space folded
    /// to one space and the ends trimmed.
    public var textContent: String {
        var raw = ""
        appendText(to: &raw)
        return raw.foldingWhitespace()
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let t): out += t
            case .element(let e): out += " "; e.appendText(to: &out); out += " "
            }
        }
    }
}

extension String {
    /// Runs of white space folded to one space, ends trimmed.
    ///
    /// White space is a space, tab, line feed or carriage return *character*; the work is
    /// done on bytes wherever that gives the same answer (see ``foldingWhitespace(utf8:)``).
    public func foldingWhitespace() -> String {
        var s = self
        switch s.withUTF8({ String.fold(utf8: $0) }) {
        case .unchanged: return s  // already folded: the same string, no copy
        case .folded(let folded): return folded
        case .byCharacter: return foldingWhitespaceByCharacter()
        }
    }

    func foldingWhitespaceByCharacter() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for ch in self {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(ch)
            }
        }
        return out
    }

    /// ``foldingWhitespace()`` of UTF-8 bytes, computed on bytes; nil where a space, tab or
    /// line feed might join a neighbour into one grapheme cluster (a carriage return, a
    /// combining mark or joiner after it, a prepended concatenation mark before it), where
    /// only the character-level fold is exact.
    public static func foldingWhitespace(utf8 b: UnsafeBufferPointer<UInt8>) -> String? {
        switch fold(utf8: b) {
        case .unchanged: return String(decoding: b, as: UTF8.self)
        case .folded(let folded): return folded
        case .byCharacter: return nil
        }
    }

    /// ``foldingWhitespace(utf8:)`` as UTF-8 bytes, in place of `out`'s contents (its
    /// capacity kept: no `String` is made unless white space is folded); false, and `out`
    /// unchanged, where only the character-level fold is exact.
    public static func foldingWhitespace(utf8 b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        switch fold(utf8: b) {
        case .unchanged: out.removeAll(keepingCapacity: true); out.append(contentsOf: b); return true
        case .folded(let folded): out.removeAll(keepingCapacity: true); out.append(contentsOf: folded.utf8); return true
        case .byCharacter: return false
        }
    }

    enum Fold { case unchanged, folded(String), byCharacter }

    /// The work of ``foldingWhitespace(utf8:)``: `.unchanged` when the bytes are already
    /// folded, `.byCharacter` where only the character-level fold is exact.
    static func fold(utf8 b: UnsafeBufferPointer<UInt8>) -> Fold {
        // The common case first, in one pass: no tab, line feed or carriage return, single
        // spaces between words, none at either end (nothing to fold). The grapheme checks
        // are the ones of the full pass below, made at the same spaces; anything else
        // leaves it to the full pass.
        if let p = b.baseAddress, b.count > 0 {
            let n = b.count
            var i = 0, previous: UInt8 = 0x20
            while i < n {
                let c = p[i]
                if c > 0x20 {
                    previous = c
                } else if c == 0x20 && previous != 0x20 && i + 1 < n {
                    if p[i + 1] >= 0x80 && startsWithExtender(b, at: i + 1) { return .byCharacter }
                    if previous >= 0x80 && endsWithPrepend(b, before: i) { return .byCharacter }
                    previous = c
                } else {
                    break
                }
                i += 1
            }
            if i == n { return .unchanged }
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 }
        var clean = true, previous: UInt8 = 0x20
        for i in 0..<b.count {
            let c = b[i]
            if c == 0x0D { return .byCharacter }
            if isSpace(c) {
                if i + 1 < b.count && b[i + 1] >= 0x80 && startsWithExtender(b, at: i + 1) { return .byCharacter }
                if previous >= 0x80 && endsWithPrepend(b, before: i) { return .byCharacter }
                if c != 0x20 || isSpace(previous) { clean = false }
            }
            previous = c
        }
        if isSpace(previous) { clean = false }
        if clean { return .unchanged }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var pending = false
        for c in b {
            if isSpace(c) { pending = !out.isEmpty } else {
                if pending { out.append(0x20); pending = false }
                out.append(c)
            }
        }
        return .folded(String(decoding: out, as: UTF8.self))
    }

    /// True when the scalar at `start` may extend a preceding space into one grapheme
    /// cluster (UAX #29 Extend, ZWJ, SpacingMark; conservative above U+1F000).
    static func startsWithExtender(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let lead = b[start]
        let n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard start + n <= b.count else { return true }
        var v = n == 2 ? UInt32(lead & 0x1F) : n == 3 ? UInt32(lead & 0x0F) : UInt32(lead & 0x07)
        for j in (start + 1)..<(start + n) { v = v << 6 | UInt32(b[j] & 0x3F) }
        switch v {
        case 0x200C, 0x200D, 0xFF9E, 0xFF9F, 0x0E33, 0x0EB3: return true
        case 0x1F000...: return true
        case 0x2010...0x2027, 0x2030...0x205E: return false  // dashes, quotes, punctuation (P*, Sm): no mark
        case 0x00A0...0x02FF: return false  // Latin-1 and Latin Extended letters and symbols: no mark
        default:
            guard let scalar = Unicode.Scalar(v) else { return true }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }

    /// True when the scalar that ends before `end` is a grapheme-cluster Prepend
    /// (UAX #29), which would join a following space into one character.
    static func endsWithPrepend(_ b: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        var start = end - 1
        while start > 0 && b[start] & 0xC0 == 0x80 { start -= 1 }
        let lead = b[start]
        let n = end - start
        var v = n == 2 ? UInt32(lead & 0x1F) : n == 3 ? UInt32(lead & 0x0F) : UInt32(lead & 0x07)
        if n < 2 { return true }
        for j in (start + 1)..<end { v = v << 6 | UInt32(b[j] & 0x3F) }
        switch v {
        case 0x600...0x605, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0xD4E: return true
        default: return v >= 0x11000  // every other Prepend is above U+11000; be conservative there
        }
    }
}

/// Builds an ``XMLElement`` tree from the streaming reader's events.
///
/// A tree is never deeper than ``maxTreeDepth``, whatever ``XMLLimits/maxDepth`` says:
/// destroying, comparing and walking a tree recurse once per level, and a tree 100,000
/// levels deep overflows a thread's stack.
public struct XMLTreeBuilder: XMLEventHandler {
    /// The deepest tree built (libxml2's own nominal limit).
    public static let maxTreeDepth = 256

    private var stack: [XMLElement] = []
    private var text: [UInt8] = []
    /// The root element, once the parse has finished.
    public private(set) var root: XMLElement?

    public init() {}

    private mutating func flushText() {
        guard !text.isEmpty, !stack.isEmpty else { text.removeAll(keepingCapacity: true); return }
        stack[stack.count - 1].children.append(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
    }

    public mutating func startElement(name: String, namespace: String, attributes: [XMLAttribute], line: Int, column: Int, control: inout XMLStreamControl) {
        flushText()
        if stack.count >= Self.maxTreeDepth {
            control.stop(XMLParseError(.tooDeep, "elements nest deeper than \(Self.maxTreeDepth) levels, the most Crosswalk reads into a tree; flatten the document", line: line, column: column))
            return
        }
        stack.append(XMLElement(name: name, namespace: namespace, attributes: attributes, line: line, column: column))
    }

    public mutating func endElement(name: String, namespace: String, line: Int, control: inout XMLStreamControl) {
        flushText()
        let done = stack.removeLast()
        if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(.element(done)) }
    }

    public mutating func characters(_ bytes: UnsafeRawBufferPointer, control: inout XMLStreamControl) {
        text.append(contentsOf: bytes)
    }
}

extension XMLStreamReader {
    /// Parses a small document into a tree.
    public static func parseTree(_ bytes: [UInt8], limits: XMLLimits = .default) throws(XMLParseError) -> XMLElement {
        var builder = XMLTreeBuilder()
        try parse(bytes, limits: limits, handler: &builder)
        guard let root = builder.root else {
            throw XMLParseError(.truncated, "the document has no root element", line: 1, column: 1)
        }
        return root
    }
}
