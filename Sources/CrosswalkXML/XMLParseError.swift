/// A failure to read an XML input: what went wrong, where, and how to fix it.
public struct XMLParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure; stable, for tests and error codes.
    public enum Kind: String, Sendable, Hashable {
        /// The bytes are not well-formed XML (libxml2's own message is kept).
        case malformed = "xml-malformed"
        /// The input is not UTF-8: a UTF-16/UTF-32 byte-order mark or zero bytes at the start,
        /// EBCDIC, or an XML declaration naming another encoding.
        case encoding = "xml-encoding"
        /// A DOCTYPE declaration: refused, since DTDs carry entity attacks.
        case doctype = "xml-doctype"
        /// An entity reference other than the five predefined ones.
        case entityReference = "xml-entity"
        /// The input is larger than ``XMLLimits/maxInputBytes``.
        case inputTooLarge = "xml-too-large"
        /// Elements nest deeper than ``XMLLimits/maxDepth``.
        case tooDeep = "xml-too-deep"
        /// A text run is longer than ``XMLLimits/maxTextBytes``.
        case textTooLong = "xml-text-too-long"
        /// An attribute value is longer than ``XMLLimits/maxAttributeBytes``.
        case attributeTooLong = "xml-attribute-too-long"
        /// An element has more attributes than ``XMLLimits/maxAttributesPerElement``.
        case tooManyAttributes = "xml-too-many-attributes"
        /// The document has more elements than ``XMLLimits/maxElements``.
        case tooManyElements = "xml-too-many-elements"
        /// The input is empty.
        case empty = "xml-empty"
        /// The document has no root element or stops before it is closed.
        case truncated = "xml-truncated"
    }

    public var kind: Kind
    /// What is wrong and how to fix it.
    public var message: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int

    public init(_ kind: Kind, _ message: String, line: Int, column: Int) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): \(message)" }
}
