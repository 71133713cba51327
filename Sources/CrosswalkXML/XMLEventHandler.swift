/// One attribute of a start tag, as the streaming reader reports it.
public struct XMLAttribute: Sendable, Hashable {
    /// Local name, without prefix.
    public var name: String
    /// Namespace URI, or "" when none.
    public var namespace: String
    public var value: String

    public init(name: String, namespace: String = "", value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}

/// Receives the events of a streaming parse, in document order.
///
/// The reader calls the handler synchronously from libxml2's SAX2 callbacks. A handler
/// that finds a problem of its own records it and carries on (or calls
/// ``XMLStreamControl/stop(_:)``); the reader only stops for XML-level faults and limits.
public protocol XMLEventHandler {
    /// A start tag. `line` and `column` are where the tag ends.
    mutating func startElement(
        name: String, namespace: String, attributes: [XMLAttribute],
        line: Int, column: Int, control: inout XMLStreamControl)
    /// An end tag.
    mutating func endElement(name: String, namespace: String, line: Int, control: inout XMLStreamControl)
    /// Character data (possibly one of several pieces of a text run).
    mutating func characters(_ bytes: UnsafeRawBufferPointer, control: inout XMLStreamControl)
}

/// Lets a handler stop the parse with an error of its own.
public struct XMLStreamControl: Sendable {
    var stopError: XMLParseError?
    /// Stops the parse; ``XMLStreamReader/parse(_:limits:handler:)`` throws `error`.
    public mutating func stop(_ error: XMLParseError) {
        if stopError == nil { stopError = error }
    }
    public var isStopped: Bool { stopError != nil }
}
