import _CrosswalkXML

/// The elements of the format, recognised from their bytes without making a `String`.
enum OrgElement: UInt8, CaseIterable {
    case organization, scope, framework, euRole, condition, people, person, systems, system, purpose, applicability, decision,
         justification, evidence, item, title, satisfies, location, sha256, owners, assign, certificate, unknown

    var name: String {
        switch self {
        case .euRole: "eu-role"
        case .unknown: ""
        default: "\(self)"
        }
    }

    /// Whether the model keeps the element's text (everything else between tags is dropped).
    var keepsText: Bool {
        switch self {
        case .euRole, .condition, .purpose, .justification, .title, .location, .sha256: true
        default: false
        }
    }

    init(_ b: UnsafeBufferPointer<UInt8>) {
        // One candidate by length and a letter, then one comparison.
        guard b.count >= 4 else { self = .unknown; return }
        let candidate: OrgElement, spelling: StaticString
        switch (b.count, b[0], b[2]) {
        case (4, UInt8(ascii: "i"), _): (candidate, spelling) = (.item, "item")
        case (5, UInt8(ascii: "s"), _): (candidate, spelling) = (.scope, "scope")
        case (5, UInt8(ascii: "t"), _): (candidate, spelling) = (.title, "title")
        case (6, UInt8(ascii: "p"), UInt8(ascii: "o")): (candidate, spelling) = (.people, "people")
        case (6, UInt8(ascii: "p"), _): (candidate, spelling) = (.person, "person")
        case (6, UInt8(ascii: "s"), UInt8(ascii: "s")): (candidate, spelling) = (.system, "system")
        case (6, UInt8(ascii: "s"), _): (candidate, spelling) = (.sha256, "sha256")
        case (6, UInt8(ascii: "o"), _): (candidate, spelling) = (.owners, "owners")
        case (6, UInt8(ascii: "a"), _): (candidate, spelling) = (.assign, "assign")
        case (7, UInt8(ascii: "e"), _): (candidate, spelling) = (.euRole, "eu-role")
        case (7, UInt8(ascii: "s"), _): (candidate, spelling) = (.systems, "systems")
        case (7, UInt8(ascii: "p"), _): (candidate, spelling) = (.purpose, "purpose")
        case (8, UInt8(ascii: "d"), _): (candidate, spelling) = (.decision, "decision")
        case (8, UInt8(ascii: "e"), _): (candidate, spelling) = (.evidence, "evidence")
        case (8, UInt8(ascii: "l"), _): (candidate, spelling) = (.location, "location")
        case (9, UInt8(ascii: "f"), _): (candidate, spelling) = (.framework, "framework")
        case (9, UInt8(ascii: "c"), _): (candidate, spelling) = (.condition, "condition")
        case (9, UInt8(ascii: "s"), _): (candidate, spelling) = (.satisfies, "satisfies")
        case (11, UInt8(ascii: "c"), _): (candidate, spelling) = (.certificate, "certificate")
        case (12, UInt8(ascii: "o"), _): (candidate, spelling) = (.organization, "organization")
        case (13, UInt8(ascii: "a"), _): (candidate, spelling) = (.applicability, "applicability")
        case (13, UInt8(ascii: "j"), _): (candidate, spelling) = (.justification, "justification")
        default: self = .unknown; return
        }
        self = bytesEqual(b, spelling) ? candidate : .unknown
    }
}

/// The attributes of the format.
enum OrgAttribute: Int, CaseIterable {
    case version, name, primaryFramework, assessmentDate, id, role, owner, businessUnit, lifecycle, sourcing, vendor, riskTier, annexIII,
         euRole, ref, requirement, applicable, kind, collected, validUntil, reviewDays, status, coverage, person, holds, standard, number, issuer,
         placedOnMarket, publicAuthorityUse, annexX, goLive, retiredOn, system, providedBy

    static let names = ["version", "name", "primary-framework", "assessment-date", "id", "role", "owner", "business-unit", "lifecycle",
                        "sourcing", "vendor", "risk-tier", "annex-iii", "eu-role", "ref", "requirement", "applicable", "kind", "collected",
                        "valid-until", "review-days", "status", "coverage", "person", "holds", "standard", "number", "issuer",
                        "placed-on-market", "public-authority-use", "annex-x", "go-live", "retired-on", "system", "provided-by"]

    init?(_ b: UnsafeBufferPointer<UInt8>) {
        // Candidates by length and first letter, then one comparison.
        guard b.count >= 2 else { return nil }
        let candidate: OrgAttribute?
        switch (b.count, b[0]) {
        case (2, UInt8(ascii: "i")): candidate = .id
        case (3, UInt8(ascii: "r")): candidate = .ref
        case (4, UInt8(ascii: "n")): candidate = .name
        case (4, UInt8(ascii: "r")): candidate = .role
        case (4, UInt8(ascii: "k")): candidate = .kind
        case (5, UInt8(ascii: "o")): candidate = .owner
        case (5, UInt8(ascii: "h")): candidate = .holds
        case (6, UInt8(ascii: "v")): candidate = .vendor
        case (6, UInt8(ascii: "s")): b[1] == UInt8(ascii: "t") ? (candidate = .status) : (candidate = .system)
        case (6, UInt8(ascii: "p")): candidate = .person
        case (6, UInt8(ascii: "n")): candidate = .number
        case (6, UInt8(ascii: "i")): candidate = .issuer
        case (7, UInt8(ascii: "v")): candidate = .version
        case (7, UInt8(ascii: "e")): candidate = .euRole
        case (7, UInt8(ascii: "a")): candidate = .annexX
        case (7, UInt8(ascii: "g")): candidate = .goLive
        case (10, UInt8(ascii: "r")): candidate = .retiredOn
        case (11, UInt8(ascii: "p")): candidate = .providedBy
        case (16, UInt8(ascii: "p")): candidate = .placedOnMarket
        case (20, UInt8(ascii: "p")): candidate = .publicAuthorityUse
        case (8, UInt8(ascii: "s")): b[1] == UInt8(ascii: "o") ? (candidate = .sourcing) : (candidate = .standard)
        case (8, UInt8(ascii: "c")): candidate = .coverage
        case (9, UInt8(ascii: "l")): candidate = .lifecycle
        case (9, UInt8(ascii: "r")): candidate = .riskTier
        case (9, UInt8(ascii: "a")): candidate = .annexIII
        case (9, UInt8(ascii: "c")): candidate = .collected
        case (10, UInt8(ascii: "a")): candidate = .applicable
        case (11, UInt8(ascii: "r")): b[2] == UInt8(ascii: "q") ? (candidate = .requirement) : (candidate = .reviewDays)
        case (11, UInt8(ascii: "v")): candidate = .validUntil
        case (13, UInt8(ascii: "b")): candidate = .businessUnit
        case (15, UInt8(ascii: "a")): candidate = .assessmentDate
        case (17, UInt8(ascii: "p")): candidate = .primaryFramework
        default: candidate = nil
        }
        guard let c = candidate, bytesEqual(b, c.spelling) else { return nil }
        self = c
    }

    /// The attribute's name (as ``names``), for matching bytes.
    var spelling: StaticString {
        switch self {
        case .version: "version"
        case .name: "name"
        case .primaryFramework: "primary-framework"
        case .assessmentDate: "assessment-date"
        case .id: "id"
        case .role: "role"
        case .owner: "owner"
        case .businessUnit: "business-unit"
        case .lifecycle: "lifecycle"
        case .sourcing: "sourcing"
        case .vendor: "vendor"
        case .riskTier: "risk-tier"
        case .annexIII: "annex-iii"
        case .euRole: "eu-role"
        case .ref: "ref"
        case .requirement: "requirement"
        case .applicable: "applicable"
        case .kind: "kind"
        case .collected: "collected"
        case .validUntil: "valid-until"
        case .reviewDays: "review-days"
        case .status: "status"
        case .coverage: "coverage"
        case .person: "person"
        case .holds: "holds"
        case .standard: "standard"
        case .number: "number"
        case .issuer: "issuer"
        case .placedOnMarket: "placed-on-market"
        case .publicAuthorityUse: "public-authority-use"
        case .annexX: "annex-x"
        case .goLive: "go-live"
        case .retiredOn: "retired-on"
        case .system: "system"
        case .providedBy: "provided-by"
        }
    }
}

/// True when the bytes are exactly `s`'s.
@inline(__always)
func bytesEqual(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
    guard b.count == s.utf8CodeUnitCount else { return false }
    let p = s.utf8Start
    for i in 0..<b.count where b[i] != p[i] { return false }
    return true
}

