/// The SHA-256 of one input file, and what it was.
public struct FileDigest: Sendable, Hashable {
    /// What the file is to the run.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case organization, catalog, crosswalk
    }
    public var kind: Kind
    /// The file's name as given (bundled files by their name alone, so that two machines agree).
    public var name: String
    /// For a catalogue, its framework; for a crosswalk, its title.
    public var subject: String
    /// 64 lowercase hexadecimal digits.
    public var sha256: String

    public init(kind: Kind, name: String, subject: String = "", sha256: String) {
        self.kind = kind; self.name = name; self.subject = subject; self.sha256 = sha256
    }

    /// The digest of `bytes`.
    public init(kind: Kind, name: String, subject: String = "", bytes: [UInt8]) {
        self.init(kind: kind, name: name, subject: subject, sha256: hexString(SHA256.hash(bytes)))
    }
}

/// What makes two assessments comparable: which Crosswalk, which files, which date.
/// Written as the `provenance` block of `assessment.json` (`Docs/JSON.md`) and compared by
/// `crosswalk diff`.
public struct Provenance: Sendable, Hashable {
    /// The Crosswalk release that produced the assessment.
    public static let crosswalkVersion = "0.1.0"

    public var crosswalkVersion: String
    public var asOf: CalendarDate
    /// The organisation file(s): the organisation XML and any inventory or evidence CSV.
    public var organizationFiles: [FileDigest]
    /// Every catalogue and crosswalk loaded, in load order.
    public var referenceFiles: [FileDigest]

    public init(crosswalkVersion: String = Provenance.crosswalkVersion, asOf: CalendarDate, organizationFiles: [FileDigest], referenceFiles: [FileDigest]) {
        self.crosswalkVersion = crosswalkVersion; self.asOf = asOf
        self.organizationFiles = organizationFiles; self.referenceFiles = referenceFiles
    }

    /// The provenance of `assessment` over `dataset`, with the organisation files given.
    public init(_ assessment: Assessment, dataset: Dataset, organizationFiles: [FileDigest] = []) {
        self.init(asOf: assessment.asOf, organizationFiles: organizationFiles, referenceFiles: dataset.sources)
    }
}
