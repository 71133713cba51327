/// The error of the Crosswalk library: what went wrong, where, and how to fix it.
///
/// One error type for the module. A loader that finds several problems in a file throws
/// one `CrosswalkError` carrying all of them in ``diagnostics``; the first error is its
/// ``code``, ``message`` and ``location``. Two errors are `==` when their codes are.
public struct CrosswalkError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A stable identifier of the kind of failure. Open for extension.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        // XML level (see `XMLParseError.Kind`).
        public static let xmlMalformed: Code = "xml-malformed"
        public static let xmlEncoding: Code = "xml-encoding"
        public static let xmlDoctype: Code = "xml-doctype"
        public static let xmlEntity: Code = "xml-entity"
        public static let xmlTooLarge: Code = "xml-too-large"
        public static let xmlTooDeep: Code = "xml-too-deep"
        public static let xmlTextTooLong: Code = "xml-text-too-long"
        public static let xmlAttributeTooLong: Code = "xml-attribute-too-long"
        public static let xmlTooManyAttributes: Code = "xml-too-many-attributes"
        public static let xmlTooManyElements: Code = "xml-too-many-elements"
        public static let xmlEmpty: Code = "xml-empty"
        public static let xmlTruncated: Code = "xml-truncated"
        // Format level.
        public static let unknownDocument: Code = "unknown-document"
        public static let unsupportedVersion: Code = "unsupported-version"
        public static let unknownElement: Code = "unknown-element"
        public static let unknownAttribute: Code = "unknown-attribute"
        public static let missingElement: Code = "missing-element"
        public static let missingAttribute: Code = "missing-attribute"
        public static let invalidValue: Code = "invalid-value"
        public static let invalidIdentifier: Code = "invalid-identifier"
        public static let duplicateIdentifier: Code = "duplicate-identifier"
        public static let unknownProperty: Code = "unknown-property"
        public static let duplicateFramework: Code = "duplicate-framework"
        public static let unknownFramework: Code = "unknown-framework"
        public static let unknownRequirement: Code = "unknown-requirement"
        /// An identifier (id, label, reference) longer than ``InputLimits/maxIdentifierBytes``.
        public static let identifierTooLong: Code = "identifier-too-long"
        /// A warning of the assessment: evidence claims a requirement that is excluded or not applicable.
        public static let claimNotApplicable: Code = "claim-not-applicable"
        /// A warning of the assessment: a lifecycle date contradicts the as-of date or is missing.
        public static let lifecycleDate: Code = "lifecycle-date"
        /// A warning of the assessment: a per-system decision or owner on a requirement with no cell for that system.
        public static let perSystemNoEffect: Code = "per-system-no-effect"
        // CSV imports.
        public static let csvMalformed: Code = "csv-malformed"
        public static let csvTooLarge: Code = "csv-too-large"
        public static let csvTooManyRows: Code = "csv-too-many-rows"
        public static let csvFieldTooLong: Code = "csv-field-too-long"
        /// A CSV file that is not UTF-8 (Windows-1252 from Excel, say).
        public static let csvEncoding: Code = "csv-encoding"
        // Files.
        public static let ioError: Code = "io-error"
        /// A file larger than the caller's limit, refused before it is read.
        public static let fileTooLarge: Code = "file-too-large"
        public static let tooManyErrors: Code = "too-many-errors"
        // Requests to `crosswalk serve --stdio` (Docs/Protocol.md).
        public static let requestMalformed: Code = "request-malformed"
        public static let requestTooLarge: Code = "request-too-large"
        public static let unknownMethod: Code = "unknown-method"
        public static let invalidParams: Code = "invalid-params"
    }

    /// Every problem found, errors first in file order; never empty.
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        precondition(!diagnostics.isEmpty)
        self.diagnostics = diagnostics
    }

    public init(_ code: Code, _ message: String, at location: SourceLocation) {
        self.diagnostics = [Diagnostic(.error, code, message, at: location)]
    }

    private var first: Diagnostic { diagnostics.first { $0.severity == .error } ?? diagnostics[0] }
    public var code: Code { first.code }
    public var message: String { first.message }
    public var location: SourceLocation { first.location }

    /// One line per diagnostic, `path:line:column: error: message [code]`.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    public static func == (a: Self, b: Self) -> Bool { a.code == b.code }
}
