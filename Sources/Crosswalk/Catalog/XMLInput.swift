import _CrosswalkXML

/// The bounds Crosswalk puts on what one input may make it do; each has a default and
/// can be raised or lowered. Exceeding one is an error with its own code, located in
/// the file. See `Docs/Limits.md`.
public struct InputLimits: Sendable, Hashable {
    /// Bounds on an XML input (set them by name: ``subscript(name:)``).
    package var xml: XMLLimitsValue
    /// Longest identifier, in bytes (UTF-8): catalogue ids and labels, crosswalk `id-ref`s
    /// and uuids, and the ids and references (requirement, person, system) of an
    /// organisation file or CSV import.
    public var maxIdentifierBytes: Int
    /// Largest CSV import, in bytes.
    public var maxCSVBytes: Int
    /// Most records (rows, the header included) in one CSV import.
    public var maxCSVRows: Int
    /// Longest CSV field, in bytes.
    public var maxCSVFieldBytes: Int

    /// The defaults (`Docs/Limits.md`), with the given non-XML limits; set the XML limits
    /// by name (`limits[.depth] = 32`).
    public init(maxIdentifierBytes: Int = 256, maxCSVBytes: Int = 256 << 20, maxCSVRows: Int = 1_000_000, maxCSVFieldBytes: Int = 64 << 10) {
        self.xml = XMLLimitsValue()
        self.maxIdentifierBytes = maxIdentifierBytes
        self.maxCSVBytes = maxCSVBytes
        self.maxCSVRows = maxCSVRows
        self.maxCSVFieldBytes = maxCSVFieldBytes
    }
    /// For catalogues, crosswalks and CSV imports.
    public static let `default` = InputLimits()
}

extension InputLimits {
    /// The error for an identifier longer than ``maxIdentifierBytes``, or nil.
    func identifierProblem(_ value: String, _ what: String) -> String? {
        let n = value.utf8.count
        guard n > maxIdentifierBytes else { return nil }
        return "\(what) is \(n) bytes long, more than the limit of \(maxIdentifierBytes) for an identifier; shorten it (put long text in a title)"
    }
}

/// Bounds on one XML input (see `Docs/Limits.md`).
package struct XMLLimitsValue: Sendable, Hashable {
    public var maxInputBytes = 64 << 20
    public var maxDepth = 64
    public var maxTextBytes = 1 << 20
    public var maxAttributeBytes = 64 << 10
    public var maxAttributesPerElement = 64
    public var maxElements = 1_000_000
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
package enum DocumentKind: String, Sendable, Hashable {
    case catalog
    case mappingCollection = "mapping-collection"
    case organization
}
