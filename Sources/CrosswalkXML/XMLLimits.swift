/// Bounds on what one XML input may make the reader do.
///
/// Every XML file Crosswalk reads is untrusted. The SAX push parser of libxml2 2.9
/// enforces no depth or text-size limit of its own, so the reader enforces these.
public struct XMLLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes.
    public var maxInputBytes: Int
    /// Deepest element nesting accepted (the root element is depth 1).
    public var maxDepth: Int
    /// Longest run of character data between two tags, in bytes.
    public var maxTextBytes: Int
    /// Longest attribute value, in bytes.
    public var maxAttributeBytes: Int
    /// Most attributes on one element.
    public var maxAttributesPerElement: Int
    /// Most elements in one document.
    public var maxElements: Int

    public init(
        maxInputBytes: Int = 64 << 20,
        maxDepth: Int = 64,
        maxTextBytes: Int = 1 << 20,
        maxAttributeBytes: Int = 64 << 10,
        maxAttributesPerElement: Int = 64,
        maxElements: Int = 4_000_000
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxTextBytes = maxTextBytes
        self.maxAttributeBytes = maxAttributeBytes
        self.maxAttributesPerElement = maxAttributesPerElement
        self.maxElements = maxElements
    }

    /// Defaults for catalogues and crosswalks: small files.
    public static let `default` = XMLLimits()
}
