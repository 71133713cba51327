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
        maxElements: Int = 1_000_000
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxTextBytes = maxTextBytes
        self.maxAttributeBytes = maxAttributeBytes
        self.maxAttributesPerElement = maxAttributesPerElement
        self.maxElements = maxElements
    }

    /// Longest unfinished markup (a start tag, a comment, a processing instruction) that
    /// libxml2 may hold while it waits for the markup's end: every attribute at its
    /// longest, plus one text run and 64 KiB. Past it the reader stops at once, so a huge
    /// attribute value or comment is refused after a few megabytes, not read whole.
    public var maxPendingBytes: Int {
        let (attributes, overflow) = maxAttributeBytes.multipliedReportingOverflow(by: max(1, maxAttributesPerElement))
        if overflow { return Int.max }
        let (total, overflow2) = attributes.addingReportingOverflow(maxTextBytes)
        return overflow2 ? Int.max : total.addingReportingOverflow(64 << 10).partialValue
    }

    /// Defaults for catalogues and crosswalks: small files.
    public static let `default` = XMLLimits()
}
