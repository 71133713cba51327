extension InputLimits {
    /// Each limit by the name the command line's `--limit NAME=VALUE` uses (see
    /// `Docs/Limits.md`), so a tool can take limits from its own configuration.
    public enum Name: String, CaseIterable, Sendable, Hashable {
        /// `maxInputBytes`.
        case inputBytes = "input-bytes"
        /// `maxDepth`.
        case depth
        /// `maxTextBytes`.
        case textBytes = "text-bytes"
        /// `maxAttributeBytes`.
        case attributeBytes = "attribute-bytes"
        /// `maxAttributesPerElement`.
        case attributesPerElement = "attributes-per-element"
        /// `maxElements`.
        case elements
        /// ``InputLimits/maxIdentifierBytes``.
        case identifierBytes = "identifier-bytes"
        /// ``InputLimits/maxCSVBytes``.
        case csvBytes = "csv-bytes"
        /// ``InputLimits/maxCSVRows``.
        case csvRows = "csv-rows"
        /// ``InputLimits/maxCSVFieldBytes``.
        case csvFieldBytes = "csv-field-bytes"
    }

    /// One limit, read or set by its name.
    public subscript(name: Name) -> Int {
        get {
            switch name {
            case .inputBytes: xml.maxInputBytes
            case .depth: xml.maxDepth
            case .textBytes: xml.maxTextBytes
            case .attributeBytes: xml.maxAttributeBytes
            case .attributesPerElement: xml.maxAttributesPerElement
            case .elements: xml.maxElements
            case .identifierBytes: maxIdentifierBytes
            case .csvBytes: maxCSVBytes
            case .csvRows: maxCSVRows
            case .csvFieldBytes: maxCSVFieldBytes
            }
        }
        set {
            switch name {
            case .inputBytes: xml.maxInputBytes = newValue
            case .depth: xml.maxDepth = newValue
            case .textBytes: xml.maxTextBytes = newValue
            case .attributeBytes: xml.maxAttributeBytes = newValue
            case .attributesPerElement: xml.maxAttributesPerElement = newValue
            case .elements: xml.maxElements = newValue
            case .identifierBytes: maxIdentifierBytes = newValue
            case .csvBytes: maxCSVBytes = newValue
            case .csvRows: maxCSVRows = newValue
            case .csvFieldBytes: maxCSVFieldBytes = newValue
            }
        }
    }

    /// A setting written `NAME=VALUE`, where VALUE is a whole number ≥ 1, optionally with
    /// a binary suffix `K`, `M` or `G` (`64K` is 65,536) and `_` between digits.
    public struct Setting: Sendable, Hashable {
        public var name: Name
        public var value: Int

        public init(name: Name, value: Int) { self.name = name; self.value = value }

        /// Parses `NAME=VALUE`; the error says what is wrong and what is accepted.
        public init(parsing text: String) throws(CrosswalkError) {
            func fail(_ why: String) -> CrosswalkError {
                CrosswalkError(.invalidValue, "limit '\(text)': \(why)", at: SourceLocation(file: "--limit"))
            }
            guard let eq = text.firstIndex(of: "=") else { throw fail("write it as NAME=VALUE, e.g. depth=128") }
            let key = String(text[..<eq]), raw = text[text.index(after: eq)...].filter { $0 != "_" }
            guard let name = Name(rawValue: key) else {
                throw fail("unknown limit '\(key)'; known: \(Name.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var digits = Substring(raw), shift = 0
            switch digits.last {
            case "K", "k": shift = 10
            case "M", "m": shift = 20
            case "G", "g": shift = 30
            default: break
            }
            if shift > 0 { digits = digits.dropLast() }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits), n >= 1 else {
                throw fail("'\(text[text.index(after: eq)...])' is not a whole number ≥ 1 (a K, M or G suffix is allowed)")
            }
            guard n <= Int.max >> shift else { throw fail("the value is too large") }
            self.init(name: name, value: n << shift)
        }
    }

    /// These limits with `settings` applied in order.
    public func applying(_ settings: [Setting]) -> InputLimits {
        var l = self
        for s in settings { l[s.name] = s.value }
        return l
    }
}
