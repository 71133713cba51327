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
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// Child elements named `name`.
    public func elements(named name: String) -> [XMLElement] {
        elements.filter { $0.name == name }
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
    public func foldingWhitespace() -> String {
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
