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

    init(_ b: UnsafeBufferPointer<UInt8>) {
        switch b.count {
        case 4: self = b.equals("item") ? .item : .unknown
        case 5: self = b.equals("scope") ? .scope : b.equals("title") ? .title : .unknown
        case 6: self = b.equals("people") ? .people : b.equals("person") ? .person : b.equals("system") ? .system
                : b.equals("sha256") ? .sha256 : b.equals("owners") ? .owners : b.equals("assign") ? .assign : .unknown
        case 7: self = b.equals("eu-role") ? .euRole : b.equals("systems") ? .systems : b.equals("purpose") ? .purpose : .unknown
        case 8: self = b.equals("decision") ? .decision : b.equals("evidence") ? .evidence : b.equals("location") ? .location : .unknown
        case 9: self = b.equals("framework") ? .framework : b.equals("condition") ? .condition : b.equals("satisfies") ? .satisfies : .unknown
        case 11: self = b.equals("certificate") ? .certificate : .unknown
        case 12: self = b.equals("organization") ? .organization : .unknown
        case 13: self = b.equals("applicability") ? .applicability : b.equals("justification") ? .justification : .unknown
        default: self = .unknown
        }
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
    static let byteNames: [[UInt8]] = names.map { Array($0.utf8) }

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
        guard let c = candidate, Self.byteNames[c.rawValue].withUnsafeBufferPointer({ memcmpEqual($0, b) }) else { return nil }
        self = c
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    for i in 0..<a.count where a[i] != b[i] { return false }
    return true
}

