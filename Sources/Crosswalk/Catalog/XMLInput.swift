import _CrosswalkXML

/// The XML limits Crosswalk applies, re-exported without exposing the private module.
public struct InputLimits: Sendable, Hashable {
    public var xml: XMLLimitsValue
    public init(xml: XMLLimitsValue = XMLLimitsValue()) { self.xml = xml }
    /// For catalogues and crosswalks.
    public static let `default` = InputLimits()
}

/// Bounds on one XML input (see `Docs/Limits.md`).
public struct XMLLimitsValue: Sendable, Hashable {
    public var maxInputBytes = 64 << 20
    public var maxDepth = 64
    public var maxTextBytes = 1 << 20
    public var maxAttributeBytes = 64 << 10
    public var maxAttributesPerElement = 64
    public var maxElements = 4_000_000
    public init() {}

    var raw: XMLLimits {
        XMLLimits(maxInputBytes: maxInputBytes, maxDepth: maxDepth, maxTextBytes: maxTextBytes, maxAttributeBytes: maxAttributeBytes,
                  maxAttributesPerElement: maxAttributesPerElement, maxElements: maxElements)
    }
}

extension CrosswalkError {
    /// Converts the private reader's error, placing it in `file`.
    init(_ e: XMLParseError, file: String) {
        self.init(CrosswalkError.Code(rawValue: e.kind.rawValue), e.message, at: SourceLocation(file: file, line: e.line, column: e.column))
    }
}

/// Parses a small XML document into a tree, mapping errors to ``CrosswalkError``.
func parseXMLTree(_ bytes: [UInt8], file: String, limits: InputLimits) throws(CrosswalkError) -> XMLElement {
    do {
        return try XMLStreamReader.parseTree(bytes, limits: limits.xml.raw)
    } catch {
        throw CrosswalkError(error, file: file)
    }
}

/// The kind of a Crosswalk input document, told by its root element.
public enum DocumentKind: String, Sendable, Hashable {
    case catalog
    case mappingCollection = "mapping-collection"
    case organization
}
