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
        // One candidate by length and a letter (jump tables), then one comparison.
        guard b.count >= 4 else { self = .unknown; return }
        let f = b[0]
        let candidate: OrgElement, spelling: StaticString
        switch b.count {
        case 4: (candidate, spelling) = (.item, "item")
        case 5: (candidate, spelling) = f == UInt8(ascii: "s") ? (.scope, "scope") : (.title, "title")
        case 6:
            switch f {
            case UInt8(ascii: "p"): (candidate, spelling) = b[2] == UInt8(ascii: "o") ? (.people, "people") : (.person, "person")
            case UInt8(ascii: "s"): (candidate, spelling) = b[1] == UInt8(ascii: "y") ? (.system, "system") : (.sha256, "sha256")
            case UInt8(ascii: "o"): (candidate, spelling) = (.owners, "owners")
            default: (candidate, spelling) = (.assign, "assign")
            }
        case 7:
            switch f {
            case UInt8(ascii: "e"): (candidate, spelling) = (.euRole, "eu-role")
            case UInt8(ascii: "s"): (candidate, spelling) = (.systems, "systems")
            default: (candidate, spelling) = (.purpose, "purpose")
            }
        case 8:
            switch f {
            case UInt8(ascii: "d"): (candidate, spelling) = (.decision, "decision")
            case UInt8(ascii: "e"): (candidate, spelling) = (.evidence, "evidence")
            default: (candidate, spelling) = (.location, "location")
            }
        case 9:
            switch f {
            case UInt8(ascii: "f"): (candidate, spelling) = (.framework, "framework")
            case UInt8(ascii: "c"): (candidate, spelling) = (.condition, "condition")
            default: (candidate, spelling) = (.satisfies, "satisfies")
            }
        case 11: (candidate, spelling) = (.certificate, "certificate")
        case 12: (candidate, spelling) = (.organization, "organization")
        case 13: (candidate, spelling) = f == UInt8(ascii: "a") ? (.applicability, "applicability") : (.justification, "justification")
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
        // Candidates by length, then first letter (jump tables), then one comparison.
        guard b.count >= 2 else { return nil }
        let f = b[0]
        let candidate: OrgAttribute?
        switch b.count {
        case 2: candidate = f == UInt8(ascii: "i") ? .id : nil
        case 3: candidate = f == UInt8(ascii: "r") ? .ref : nil
        case 4:
            switch f {
            case UInt8(ascii: "n"): candidate = .name
            case UInt8(ascii: "r"): candidate = .role
            case UInt8(ascii: "k"): candidate = .kind
            default: candidate = nil
            }
        case 5: candidate = f == UInt8(ascii: "o") ? .owner : f == UInt8(ascii: "h") ? .holds : nil
        case 6:
            switch f {
            case UInt8(ascii: "v"): candidate = .vendor
            case UInt8(ascii: "s"): candidate = b[1] == UInt8(ascii: "t") ? .status : .system
            case UInt8(ascii: "p"): candidate = .person
            case UInt8(ascii: "n"): candidate = .number
            case UInt8(ascii: "i"): candidate = .issuer
            default: candidate = nil
            }
        case 7:
            switch f {
            case UInt8(ascii: "v"): candidate = .version
            case UInt8(ascii: "e"): candidate = .euRole
            case UInt8(ascii: "a"): candidate = .annexX
            case UInt8(ascii: "g"): candidate = .goLive
            default: candidate = nil
            }
        case 8:
            switch f {
            case UInt8(ascii: "s"): candidate = b[1] == UInt8(ascii: "o") ? .sourcing : .standard
            case UInt8(ascii: "c"): candidate = .coverage
            default: candidate = nil
            }
        case 9:
            switch f {
            case UInt8(ascii: "l"): candidate = .lifecycle
            case UInt8(ascii: "r"): candidate = .riskTier
            case UInt8(ascii: "a"): candidate = .annexIII
            case UInt8(ascii: "c"): candidate = .collected
            default: candidate = nil
            }
        case 10: candidate = f == UInt8(ascii: "r") ? .retiredOn : f == UInt8(ascii: "a") ? .applicable : nil
        case 11:
            switch f {
            case UInt8(ascii: "p"): candidate = .providedBy
            case UInt8(ascii: "r"): candidate = b[2] == UInt8(ascii: "q") ? .requirement : .reviewDays
            case UInt8(ascii: "v"): candidate = .validUntil
            default: candidate = nil
            }
        case 13: candidate = f == UInt8(ascii: "b") ? .businessUnit : nil
        case 15: candidate = f == UInt8(ascii: "a") ? .assessmentDate : nil
        case 16: candidate = f == UInt8(ascii: "p") ? .placedOnMarket : nil
        case 17: candidate = f == UInt8(ascii: "p") ? .primaryFramework : nil
        case 20: candidate = f == UInt8(ascii: "p") ? .publicAuthorityUse : nil
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

