/// The short key of a framework: `iso42001`, `iso27001`, `nist-ai-rmf`, `eu-ai-act`, or a
/// user's own.
public struct FrameworkID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral, Codable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// ISO/IEC 42001:2023, AI management system.
    public static let iso42001: FrameworkID = "iso42001"
    /// ISO/IEC 27001:2022, information security management system.
    public static let iso27001: FrameworkID = "iso27001"
    /// NIST AI Risk Management Framework 1.0.
    public static let nistAIRMF: FrameworkID = "nist-ai-rmf"
    /// Regulation (EU) 2024/1689, the AI Act.
    public static let euAIAct: FrameworkID = "eu-ai-act"
}

/// A requirement (or heading) of one framework, named by its label as printed:
/// `iso42001:A.6.2.4`, `eu-ai-act:Art. 26(1)`. ISO 27001's `A.6` and ISO 42001's `A.6`
/// are different references.
public struct RequirementRef: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var framework: FrameworkID
    public var label: String

    public init(_ framework: FrameworkID, _ label: String) {
        self.framework = framework
        self.label = label
    }

    /// Parses `framework:label`; nil when there is no colon or either side is empty.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let fw = String(text[..<colon]), label = String(text[text.index(after: colon)...])
        guard !fw.isEmpty, !label.isEmpty else { return nil }
        self.init(FrameworkID(fw), label)
    }

    // Concatenated, not interpolated: interpolating a value looks up its conformances at run time.
    public var description: String { framework.rawValue + ":" + label }

    public static func < (a: Self, b: Self) -> Bool {
        (a.framework.rawValue, a.label) < (b.framework.rawValue, b.label)
    }
}
