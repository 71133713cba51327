internal import CLibXML2

/// One attribute of a start tag, as bytes owned by libxml2 (valid only during the callback).
public struct XMLRawAttribute {
    /// Local name, without prefix.
    public let name: UnsafeBufferPointer<UInt8>
    /// Namespace URI; empty when none.
    public let namespace: UnsafeBufferPointer<UInt8>
    /// The value as libxml2 reports it: a literal `&` still reads `&#38;` (see ``value``).
    public let rawValue: UnsafeBufferPointer<UInt8>

    /// The value with `&#38;` turned back into `&`.
    public var value: String {
        var s = String(decoding: rawValue, as: UTF8.self)
        // Without entity substitution libxml2 hands back a literal '&' (written &amp; or &#38;) as "&#38;";
        // no other '&' can reach here, since undeclared entities are errors and DTDs are refused.
        if rawValue.contains(UInt8(ascii: "&")) { s = s.replacingAmpersandReferences() }
        return s
    }

    /// True when the value is exactly `text` (ASCII, no `&`).
    public func valueEquals(_ text: StaticString) -> Bool { rawValue.equals(text) }
}

/// A start tag, as bytes owned by libxml2 (valid only during the callback).
public struct XMLRawElement {
    /// Local name, without prefix.
    public let name: UnsafeBufferPointer<UInt8>
    /// Namespace URI; empty when none.
    public let namespace: UnsafeBufferPointer<UInt8>
    /// Where the start tag ends (1-based).
    public let line: Int
    public let column: Int
    /// libxml2's attribute array: five pointers per attribute (localname, prefix, URI, value, end).
    let attributeTable: UnsafePointer<UnsafePointer<UInt8>?>?
    public let attributeCount: Int

    /// The `index`-th attribute, in document order.
    public func attribute(_ index: Int) -> XMLRawAttribute {
        let a = attributeTable.unsafelyUnwrapped + index * 5
        let value: UnsafeBufferPointer<UInt8>
        if let start = a[3], let end = a[4] { value = UnsafeBufferPointer(start: start, count: end - start) } else { value = UnsafeBufferPointer(start: nil, count: 0) }
        return XMLRawAttribute(name: .cString(a[0]), namespace: .cString(a[2]), rawValue: value)
    }

    /// The name as a `String`.
    public var nameString: String { String(decoding: name, as: UTF8.self) }
    /// The namespace as a `String`.
    public var namespaceString: String { String(decoding: namespace, as: UTF8.self) }
}

/// Receives the events of a streaming parse as bytes, for large inputs: no `String` or
/// array is made unless the handler makes it. The buffers are libxml2's and are valid
/// only during the call. See ``XMLEventHandler`` for the `String` interface.
public protocol XMLRawEventHandler {
    /// A start tag.
    mutating func startElement(_ element: XMLRawElement, control: inout XMLStreamControl)
    /// An end tag.
    mutating func endElement(name: UnsafeBufferPointer<UInt8>, namespace: UnsafeBufferPointer<UInt8>, line: Int, control: inout XMLStreamControl)
    /// Character data (possibly one of several pieces of a text run).
    mutating func characters(_ bytes: UnsafeRawBufferPointer, control: inout XMLStreamControl)
}

/// Adapts a `String` handler to the byte interface.
struct StringEventAdapter<H: XMLEventHandler>: XMLRawEventHandler {
    var handler: H
    /// The last namespace URI made a `String`, reused while the bytes are the same (most
    /// elements share one namespace; a URI is longer than a small string, so each new one
    /// would be a heap allocation).
    private var lastNamespace = ""
    private var lastNamespaceBytes: [UInt8] = []

    init(handler: H) { self.handler = handler }

    private mutating func namespaceString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        let same = lastNamespaceBytes.count == bytes.count
            && lastNamespaceBytes.withUnsafeBufferPointer { memcmpBytes($0.baseAddress!, base, bytes.count) }
        if !same {
            lastNamespace = String(decoding: bytes, as: UTF8.self)
            lastNamespaceBytes = Array(bytes)
        }
        return lastNamespace
    }

    mutating func startElement(_ element: XMLRawElement, control: inout XMLStreamControl) {
        var attrs: [XMLAttribute] = []
        if element.attributeCount > 0 {
            attrs.reserveCapacity(element.attributeCount)
            for i in 0..<element.attributeCount {
                let a = element.attribute(i)
                if a.rawValue.baseAddress == nil { continue }
                attrs.append(XMLAttribute(name: String(decoding: a.name, as: UTF8.self), namespace: String(decoding: a.namespace, as: UTF8.self), value: a.value))
            }
        }
        handler.startElement(name: element.nameString, namespace: namespaceString(element.namespace), attributes: attrs,
                             line: element.line, column: element.column, control: &control)
    }

    mutating func endElement(name: UnsafeBufferPointer<UInt8>, namespace: UnsafeBufferPointer<UInt8>, line: Int, control: inout XMLStreamControl) {
        handler.endElement(name: String(decoding: name, as: UTF8.self), namespace: namespaceString(namespace), line: line, control: &control)
    }

    mutating func characters(_ bytes: UnsafeRawBufferPointer, control: inout XMLStreamControl) {
        handler.characters(bytes, control: &control)
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes of a NUL-terminated string; empty for nil.
    static func cString(_ p: UnsafePointer<UInt8>?) -> UnsafeBufferPointer<UInt8> {
        guard let p else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: p, count: Int(xmlStrlen(p)))
    }

    /// True when the bytes are exactly `text`'s.
    @inlinable
    public func equals(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount else { return false }
        if count == 0 { return true }
        return memcmpBytes(baseAddress!, text.utf8Start, count)
    }
}

@inline(__always) @usableFromInline
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}
