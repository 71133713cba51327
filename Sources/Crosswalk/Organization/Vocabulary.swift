// Every vocabulary of the organisation format, defined once. The XML reader, the CSV
// importer, the generator, the validator and library users all use these types; no other
// file lists the allowed values (Docs/OrganisationFormat.md prints them from here).

/// A closed vocabulary of the organisation format: a fixed set of spellings.
///
/// A value of a vocabulary type cannot hold an unknown spelling. Text from outside (a file,
/// a spreadsheet, an embedder's own database) becomes a value through
/// ``init(parsing:field:at:)``, which refuses an unknown spelling with a located error and a
/// "did you mean" suggestion; ``OrganizationValidator`` uses the same check for every reader.
public protocol OrganizationVocabulary: RawRepresentable, CaseIterable, Hashable, Sendable, Codable where RawValue == String {
    /// What the vocabulary is called in messages (`risk tier`, `EU condition`).
    static var vocabularyName: String { get }
}

extension OrganizationVocabulary {
    /// Every allowed spelling, in declaration order.
    public static var allowedValues: [String] { allCases.map(\.rawValue) }

    /// The known value closest to `text` (case-insensitive edit distance of at most a third
    /// of its length, and at least 1), or nil when nothing is close (or `text` is longer than
    /// 64 bytes: no value is that long).
    public static func suggestion(for text: String) -> Self? {
        guard text.utf8.count <= 64 else { return nil }
        let lower = text.lowercased()
        var best: (value: Self, distance: Int)?
        for v in allCases {
            let d = editDistance(lower, v.rawValue)
            if d < (best?.distance ?? Int.max) { best = (v, d) }
        }
        guard let best, best.distance <= max(1, best.value.rawValue.count / 3) else { return nil }
        return best.value
    }

    /// The message for an unknown spelling: what is wrong, the nearest known value, the
    /// allowed ones.
    public static func problem(_ text: String, field: String) -> String { problem(text, field: field, suggest: true) }

    static func problem(_ text: String, field: String, suggest: Bool) -> String {
        let shown = text.utf8.count <= 80 ? text : String(text.prefix(60)) + "…"
        var m = "\(field) '\(shown)' is not a known \(vocabularyName)"
        if suggest, let s = suggestion(for: text) { return m + "; did you mean '\(s.rawValue)'? Allowed: \(allowedValues.joined(separator: ", "))" }
        return m + "; allowed: \(allowedValues.joined(separator: ", "))"
    }

    /// Parses text from outside, such as an embedder's database.
    /// - Parameters:
    ///   - field: the field name for the message (default: the vocabulary's name).
    ///   - location: where the text came from.
    /// - Throws: ``CrosswalkError`` `invalid-value` with a "did you mean" suggestion.
    public init(parsing text: String, field: String? = nil, at location: SourceLocation = SourceLocation(file: "")) throws(CrosswalkError) {
        guard let v = Self(rawValue: text) else {
            throw CrosswalkError(.invalidValue, Self.problem(text, field: field ?? Self.vocabularyName), at: location)
        }
        self = v
    }
}

/// Edit distance with adjacent transpositions (optimal string alignment: `hihg` is one edit
/// from `high`), for "did you mean" suggestions.
/// - Complexity: O(*m* × *n*) in the lengths, three rows of memory.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.utf8), y = Array(b.utf8)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var before = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] { d = min(d, before[j - 2] + 1) }
            current[j] = d
        }
        (before, previous, current) = (previous, current, before)
    }
    return previous[y.count]
}

/// The EU AI Act risk tier of an AI system (Art. 5, Art. 6 and Annex III, Art. 50, Art. 51).
public enum RiskTier: String, OrganizationVocabulary {
    case prohibited
    case high
    case limited
    case minimal
    case generalPurpose = "general-purpose"
    case generalPurposeSystemic = "general-purpose-systemic"
    /// Declared as not yet classified: the obligations whose tier is unknown are
    /// undetermined, never not applicable.
    case unclassified
    public static let vocabularyName = "risk tier"
}

/// Where an AI system is in its life (`Docs/Scoring.md`, "Lifecycle"): a `planned` or
/// `development` system has its operation-stage duties upcoming until its go-live date; a
/// `retired` system keeps only the duties that outlive it (EU AI Act Art. 18 and 19, a
/// decommissioning record).
public enum Lifecycle: String, OrganizationVocabulary {
    case planned, development, production, retired
    public static let vocabularyName = "lifecycle"

    /// True for `planned` and `development`: not yet in operation.
    public var isBeforeOperation: Bool { self == .planned || self == .development }
}

/// How an AI system is sourced.
public enum Sourcing: String, OrganizationVocabulary {
    case inHouse = "in-house"
    case thirdPartyService = "third-party-service"
    case embedded
    public static let vocabularyName = "sourcing"
}

/// Who produced an evidence item (`provided-by`): the organisation itself, or the supplier
/// of the AI system it names (the vendor's documentation, test reports, contract clauses,
/// certifications: supplier assurance).
public enum EvidenceSource: String, OrganizationVocabulary {
    case organization
    case supplier
    public static let vocabularyName = "evidence source"
}

/// The organisation's role for an AI system under the EU AI Act (Art. 3(3) to 3(8)).
public enum EURole: String, OrganizationVocabulary {
    case provider, deployer, importer, distributor
    case authorisedRepresentative = "authorised-representative"
    case productManufacturer = "product-manufacturer"
    public static let vocabularyName = "EU AI Act role"
}

/// What kind of document an evidence item is.
public enum EvidenceKind: String, OrganizationVocabulary {
    case policy, procedure, record, assessment, log, contract
    case trainingRecord = "training-record"
    case report, plan, certificate, other
    public static let vocabularyName = "evidence kind"
}

/// Whether an evidence item counts: only `approved` evidence meets a requirement.
public enum EvidenceStatus: String, OrganizationVocabulary {
    case draft, approved
    public static let vocabularyName = "evidence status"
}

/// How much of a requirement an evidence item claims to cover.
public enum Coverage: String, OrganizationVocabulary {
    case full, partial
    public static let vocabularyName = "coverage"
}

/// A point of Annex III of Regulation (EU) 2024/1689 (high-risk areas), in the catalogue's
/// spelling: the heading `1`…`8`, or a lettered point `1a`…`8b` where the Annex has one
/// (1(a)-(c), 2, 3(a)-(d), 4(a)-(b), 5(a)-(d), 6(a)-(e), 7(a)-(d), 8(a)-(b)).
///
/// Only points that exist can be made. The forms lawyers write (`5(b)`, `5 (b)`, `5 b`,
/// `5B`) are accepted by ``init(lenient:)`` and stored as `5b`; anything else is refused.
public struct AnnexIIIPoint: OrganizationVocabulary, Comparable, CustomStringConvertible {
    /// The number of lettered points under each heading 1…8 (point 2 has none).
    static let letters: [Int] = [3, 0, 4, 2, 4, 5, 4, 2]

    public let rawValue: String

    public init?(rawValue: String) {
        guard Self.allCases.contains(where: { $0.rawValue == rawValue }) else { return nil }
        self.rawValue = rawValue
    }

    private init(unchecked: String) { rawValue = unchecked }

    /// Accepts the catalogue's spelling and the forms lawyers write: `5(b)`, `5 (b)`,
    /// `5 b`, `5B`, `5(B)`; nil for a point the Annex does not have.
    public init?(lenient text: String) {
        let s = text.lowercased().filter { $0 != " " && $0 != "\t" }
        guard let first = s.first else { return nil }
        var rest = s.dropFirst()
        if rest.first == "(" && rest.last == ")" && rest.count == 3 { rest = rest.dropFirst().dropLast() }
        self.init(rawValue: String(first) + rest)
    }

    public static let allCases: [AnnexIIIPoint] = letters.enumerated().flatMap { i, n in
        [AnnexIIIPoint(unchecked: "\(i + 1)")] + "abcde".prefix(n).map { AnnexIIIPoint(unchecked: "\(i + 1)\($0)") }
    }

    public static let vocabularyName = "Annex III point"

    /// The heading, 1…8.
    public var heading: Int { Int(String(rawValue.prefix(1)))! }

    /// The EU conditions the point implies: `annex-iii-5c` and `annex-iii-5` for `5c`, where
    /// the catalogue uses them.
    public var impliedConditions: [EUCondition] {
        var out: [EUCondition] = []
        if rawValue.count > 1, let c = EUCondition(rawValue: "annex-iii-\(rawValue)") { out.append(c) }
        if let c = EUCondition(rawValue: "annex-iii-\(heading)") { out.append(c) }
        return out
    }

    public var description: String { rawValue }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let v = AnnexIIIPoint(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Self.problem(text, field: "annexIII")))
        }
        self = v
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// A fact about an AI system (or the whole organisation) that decides whether an EU AI Act
/// obligation applies: exactly the condition tokens the bundled `Catalogs/eu-ai-act.xml`
/// uses (a test checks the two sets are equal).
public enum EUCondition: String, OrganizationVocabulary {
    case aiGeneratedText = "ai-generated-text"
    case annexIProduct = "annex-i-product"
    case annexIII1 = "annex-iii-1"
    case annexIII2 = "annex-iii-2"
    case annexIII3 = "annex-iii-3"
    case annexIII4 = "annex-iii-4"
    case annexIII5 = "annex-iii-5"
    case annexIII5b = "annex-iii-5b"
    case annexIII5c = "annex-iii-5c"
    case annexIII6 = "annex-iii-6"
    case annexIII7 = "annex-iii-7"
    case annexIII8 = "annex-iii-8"
    case art63Derogation = "art-6-3-derogation"
    case biometricCategorisation = "biometric-categorisation"
    case changedIntendedPurpose = "changed-intended-purpose"
    case deepFake = "deep-fake"
    case emotionRecognition = "emotion-recognition"
    case interactsWithPeople = "interacts-with-people"
    case nonEUProvider = "non-eu-provider"
    case ownNameOrTrademark = "own-name-or-trademark"
    case personalData = "personal-data"
    case postRemoteBiometricIdentification = "post-remote-biometric-identification"
    case publicBody = "public-body"
    case publicService = "public-service"
    case substantialModification = "substantial-modification"
    case syntheticContent = "synthetic-content"
    case workplaceUse = "workplace-use"
    public static let vocabularyName = "EU condition"
}
