/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast, seedable generator. The
/// generator's output is a pure function of the seed on every platform.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (n > 0), by multiply-shift (Lemire), without division.
    mutating func below(_ n: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) * 0x1p-53 < p }

    /// One of `items`, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// One of `items`, with the given weights.
    mutating func pick<T>(_ items: [(T, Int)]) -> T {
        var r = below(items.reduce(0) { $0 + $1.1 })
        for (item, weight) in items {
            if r < weight { return item }
            r -= weight
        }
        return items[items.count - 1].0
    }
}

/// Options of a synthetic organisation.
package struct GeneratorOptions: Sendable, Hashable {
    /// AI systems in the inventory.
    public var systems: Int
    /// Evidence items in the register.
    public var evidence: Int
    /// The seed: the same options give the same bytes.
    public var seed: UInt64
    /// The file's `assessment-date`; evidence dates are spread over the 30 months before it.
    public var assessmentDate: CalendarDate
    /// The share of evidence that names no system (policies, procedures, organisation records).
    public var organizationWideShare: Double

    public init(systems: Int, evidence: Int, seed: UInt64 = 42, assessmentDate: CalendarDate = CalendarDate("2026-11-23")!,
                organizationWideShare: Double = 0.03) {
        self.systems = systems
        self.evidence = evidence
        self.seed = seed
        self.assessmentDate = assessmentDate
        self.organizationWideShare = organizationWideShare
    }
}

/// Writes a realistic synthetic organisation file (`Docs/OrganisationFormat.md`) for tests
/// and benchmarks: systems over every risk tier, EU role and Annex III point, evidence
/// over every framework with real labels from the loaded catalogues, drafts, expired and
/// soon-expiring items, system-specific evidence, SoA exclusions (some unjustified) and
/// owner assignments (some conflicting). Deterministic from the seed.
package enum OrganizationGenerator {
    /// Generates the file into memory (small organisations).
    public static func generate(_ options: GeneratorOptions, dataset: Dataset) -> [UInt8] {
        var out: [UInt8] = []
        var writer = Writer(options: options, dataset: dataset) { out.append(contentsOf: $0) }
        writer.run()
        return out
    }

    /// Streams the file to `path` through a temporary file that is renamed over it once
    /// complete (memory stays flat whatever the size).
    /// - Throws: ``CrosswalkError`` `io-error`.
    public static func write(_ options: GeneratorOptions, dataset: Dataset, to path: String) throws(CrosswalkError) {
        let file = try AtomicFileStream(path: path)
        var failure: CrosswalkError?
        var writer = Writer(options: options, dataset: dataset) { chunk in
            guard failure == nil else { return }
            do throws(CrosswalkError) { try file.write(chunk) } catch { failure = error }
        }
        writer.run()
        if let failure { file.abort(); throw failure }
        try file.commit()
    }
}

private struct Writer {
    let options: GeneratorOptions
    let dataset: Dataset
    let sink: (UnsafeRawBufferPointer) -> Void
    var rng: SplitMix64
    var buffer: [UInt8] = []

    init(options: GeneratorOptions, dataset: Dataset, sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.options = options
        self.dataset = dataset
        self.sink = sink
        self.rng = SplitMix64(seed: options.seed)
        buffer.reserveCapacity(1 << 20 + 4096)
    }

    // MARK: Output

    mutating func flush() {
        buffer.withUnsafeBytes { sink($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func raw(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Text or attribute content, escaped.
    mutating func esc(_ s: String) {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "&"): buffer.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): buffer.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): buffer.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): buffer.append(contentsOf: "&quot;".utf8)
            default: buffer.append(b)
            }
        }
    }

    mutating func attr(_ name: String, _ value: String) {
        raw(" \(name)=\"")
        esc(value)
        raw("\"")
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    // MARK: Content

    static let firstNames = ["Ana", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Lars", "Maya", "Nikolai",
                             "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tariq", "Una", "Viktor", "Wen", "Ximena", "Yusuf", "Zoë"]
    static let lastNames = ["Andersen", "Brennan", "Costa", "Dubois", "Eriksson", "Fischer", "García", "Horvath", "Ivanova", "Jensen", "Kowalski",
                            "Lindqvist", "Moretti", "Novak", "O'Brien", "Petrova", "Quintero", "Rossi", "Schmidt", "Tanaka", "Ubeda", "Virtanen",
                            "Weber", "Xu", "Yilmaz", "Zielinski"]
    static let roles = ["Chief Information Security Officer", "Chief Data Officer", "Data Protection Officer", "Head of Model Risk",
                        "AI Governance Lead", "Compliance Officer", "Internal Audit Lead", "Product Owner", "ML Engineering Manager",
                        "Procurement Lead", "Head of HR", "Legal Counsel", "Risk Manager", "Platform Owner"]
    static let units = ["Claims", "Underwriting", "Customer Service", "HR", "Finance", "IT", "Marketing", "Operations", "Legal", "Risk",
                        "Sales", "Research", "Procurement", "Security"]
    static let domains = ["claims triage", "pricing", "fraud detection", "document extraction", "demand forecasting", "CV screening",
                          "customer chatbot", "credit scoring", "churn prediction", "code assistant", "translation", "image inspection",
                          "voice analytics", "recommendation", "anomaly detection", "contract review", "route planning", "knowledge search"]
    static let modelKinds = ["model", "service", "assistant", "engine", "classifier", "pipeline", "agent"]
    static let vendors = ["Quillfield Talent B.V.", "Aldermoor Language Systems Ltd", "Brightkiln Software GmbH", "Northlight AI Oy",
                          "Corvid Analytics S.A.", "Tessellate Labs Inc.", "Marlowe & Finch AI LLP", "Kestrel Vision SAS"]
    // Weights of the vocabularies (types in Organization/Vocabulary.swift).
    static let kinds: [(EvidenceKind, Int)] = [(.policy, 4), (.procedure, 8), (.record, 22), (.assessment, 14), (.log, 18), (.contract, 4),
                                               (.trainingRecord, 6), (.report, 16), (.plan, 5), (.other, 3)]
    // No `certificate` items: a certificate needs its <certificate> element (standard, number, issuer).
    static let kindTitles: [EvidenceKind: String] = [.policy: "Policy", .procedure: "Procedure", .record: "Record", .assessment: "Assessment", .log: "Log extract",
                                                     .contract: "Contract clause", .trainingRecord: "Training completion", .report: "Report", .plan: "Plan",
                                                     .certificate: "Certificate", .other: "Evidence"]
    static let tiers: [(RiskTier, Int)] = [(.minimal, 520), (.limited, 200), (.high, 230), (.generalPurpose, 35),
                                           (.generalPurposeSystemic, 10), (.prohibited, 5), (.unclassified, 15)]
    static let annexIII: [(AnnexIIIPoint, Int)] = [("1", 6), ("2", 6), ("3", 10), ("4", 24), ("5a", 8), ("5b", 14), ("5c", 12), ("6", 6), ("7", 5), ("8", 3)]
        .map { (AnnexIIIPoint(rawValue: $0.0)!, $0.1) }
    static let euRoles: [([EURole], Int)] = [([.provider, .deployer], 40), ([.deployer], 42), ([.provider], 10), ([.importer, .deployer], 3),
                                             ([.distributor], 2), ([.authorisedRepresentative], 1), ([.productManufacturer, .provider], 2)]
    /// Domains whose systems process personal data (declared true; the others false).
    static let personalDataDomains: Set<String> = ["claims triage", "pricing", "fraud detection", "document extraction", "CV screening", "customer chatbot",
                                                    "credit scoring", "churn prediction", "voice analytics", "recommendation", "contract review", "knowledge search"]

    mutating func run() {
        let o = options
        let catalogs = dataset.catalogs
        let frameworks: [FrameworkID] = [.iso42001, .iso27001, .nistAIRMF, .euAIAct].filter { catalogs.catalog($0) != nil }
        // Requirements: organisation-scope and per-system, per framework.
        var orgReqs: [(FrameworkID, CatalogEntry)] = [], sysReqs: [(FrameworkID, CatalogEntry)] = [], euHigh: [CatalogEntry] = []
        var selectable: [(FrameworkID, CatalogEntry)] = [], all: [(FrameworkID, CatalogEntry)] = []
        for fw in frameworks {
            for e in catalogs.catalog(fw)!.requirements {
                all.append((fw, e))
                if e.scope == .system { sysReqs.append((fw, e)) } else { orgReqs.append((fw, e)) }
                if e.obligation == .selectable { selectable.append((fw, e)) }
                if fw == .euAIAct && e.scope == .system && e.riskTiers.contains(RiskTier.high.rawValue) { euHigh.append(e) }
            }
        }
        let peopleCount = max(12, min(2_000, o.systems / 5 + o.evidence / 2_000))
        let pw = String(peopleCount).count, sw = String(max(o.systems, 1)).count, ew = max(6, String(o.evidence).count)
        func person(_ i: Int) -> String { "P-" + Self.pad(i + 1, pw) }
        func system(_ i: Int) -> String { "AIS-" + Self.pad(i + 1, sw) }

        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Synthetic organisation (crosswalk generate): systems \(o.systems), evidence \(o.evidence), seed \(o.seed) -->\n")
        raw("<organization xmlns=\"\(OrganizationLoader.namespace)\" version=\"1\"")
        attr("name", "Synthetic Enterprise \(o.seed)")
        raw(" primary-framework=\"iso42001\" assessment-date=\"\(o.assessmentDate)\">\n  <scope>\n")
        for fw in frameworks { raw("    <framework id=\"\(fw)\"/>\n") }
        raw("    <eu-role>provider deployer</eu-role>\n    <condition holds=\"false\">public-body</condition>\n  </scope>\n  <people>\n")
        for i in 0..<peopleCount {
            raw("    <person id=\"\(person(i))\"")
            attr("name", "\(rng.pick(Self.firstNames)) \(rng.pick(Self.lastNames))")
            attr("role", rng.pick(Self.roles))
            raw("/>\n")
        }
        raw("  </people>\n  <systems>\n")
        var systemNames: [String] = [], systemTiers: [RiskTier] = [], supplied: [Bool] = []
        systemNames.reserveCapacity(o.systems)
        for i in 0..<o.systems {
            let domain = rng.pick(Self.domains)
            let name = "\(Self.units[i % Self.units.count]) \(domain) \(rng.pick(Self.modelKinds)) \(i + 1)"
            systemNames.append(name)
            let tier = rng.pick(Self.tiers)
            systemTiers.append(tier)
            let sourcing = rng.pick([(Sourcing.inHouse, 55), (.thirdPartyService, 35), (.embedded, 10)])
            let lifecycle = rng.pick([(Lifecycle.production, 70), (.development, 15), (.planned, 8), (.retired, 7)])
            raw("    <system id=\"\(system(i))\"")
            attr("name", name)
            raw(" owner=\"\(person(rng.below(peopleCount)))\"")
            attr("business-unit", Self.units[i % Self.units.count])
            raw(" lifecycle=\"\(lifecycle.rawValue)\" sourcing=\"\(sourcing.rawValue)\"")
            if sourcing != .inHouse { attr("vendor", rng.pick(Self.vendors)) }
            supplied.append(sourcing != .inHouse)
            // Lifecycle dates, from the index alone (no random draw, so the rest of the file
            // does not change with them): most planned systems have a go-live, some already
            // past (a warning); half the retired ones a retirement date.
            if lifecycle.isBeforeOperation && i % 3 != 0 { raw(" go-live=\"\(o.assessmentDate.adding(days: (i * 37) % 400 - 60))\"") }
            if lifecycle == .retired && i % 2 == 0 { raw(" retired-on=\"\(o.assessmentDate.adding(days: -((i * 53) % 300)))\"") }
            raw(" risk-tier=\"\(tier.rawValue)\"")
            var conditions: [EUCondition] = []
            var annex: AnnexIIIPoint?
            if tier == .high {
                let point = rng.pick(Self.annexIII)
                annex = point
                raw(" annex-iii=\"\(point.rawValue)\"")
                if point.rawValue == "4" { conditions.append(.workplaceUse) }
            }
            if tier == .limited { conditions.append(rng.pick([EUCondition.interactsWithPeople, .syntheticContent, .deepFake, .emotionRecognition])) }
            if sourcing == .thirdPartyService && rng.chance(0.2) { conditions.append(.nonEUProvider) }
            if rng.chance(0.03) { conditions.append(.publicService) }
            raw(" eu-role=\"\(rng.pick(Self.euRoles).map(\.rawValue).joined(separator: " "))\">\n      <purpose>")
            esc("Supports \(Self.units[i % Self.units.count].lowercased()) with \(domain)\(annex.map { " (Annex III point \($0))" } ?? "").")
            raw("</purpose>\n")
            for c in conditions { raw("      <condition>\(c.rawValue)</condition>\n") }
            // Facts a consultant asks about every system, declared without drawing from the
            // random source (so the rest of the file does not change with them).
            let personal = Self.personalDataDomains.contains(domain)
            if !conditions.contains(.personalData) { raw(personal ? "      <condition>personal-data</condition>\n" : "      <condition holds=\"false\">personal-data</condition>\n") }
            if !conditions.contains(.workplaceUse) { raw("      <condition holds=\"false\">workplace-use</condition>\n") }
            if !conditions.contains(.interactsWithPeople) && tier != .limited { raw("      <condition holds=\"false\">interacts-with-people</condition>\n") }
            raw("    </system>\n")
        }
        raw("  </systems>\n  <applicability>\n")
        for (k, (fw, e)) in selectable.enumerated() {
            // About 6% excluded with a justification, one in 40 without (a finding), 30% kept with a reason.
            let r = k % 40 == 17 ? 62 : rng.below(1000)
            if r < 60 {
                raw("    <decision requirement=\"\(fw):")
                esc(e.label)
                raw("\" applicable=\"false\">\n      <justification>")
                esc("Not relevant to our operations: \(e.title.lowercased()) is handled by no process in scope (reviewed \(o.assessmentDate.year - 1)).")
                raw("</justification>\n    </decision>\n")
            } else if r < 65 {
                raw("    <decision requirement=\"\(fw):")
                esc(e.label)
                raw("\" applicable=\"false\"/>\n")
            } else if r < 95 {
                raw("    <decision requirement=\"\(fw):")
                esc(e.label)
                raw("\" applicable=\"true\">\n      <justification>Required to treat identified AI and information security risks.</justification>\n    </decision>\n")
            }
        }
        // Per-system exclusions of per-system controls, from the indices alone.
        if o.systems > 0 {
            for (k, (fw, e)) in selectable.enumerated() where e.scope == .system && k % 5 == 2 {
                raw("    <decision requirement=\"\(fw):")
                esc(e.label)
                raw("\" system=\"\(system((k * 7) % o.systems))\" applicable=\"false\">\n      <justification>")
                esc("Not relevant to this system: \(e.title.lowercased()) is outside its use.")
                raw("</justification>\n    </decision>\n")
            }
        }
        raw("  </applicability>\n  <evidence>\n")
        let asOf = o.assessmentDate
        for i in 0..<o.evidence {
            let kind = rng.pick(Self.kinds)
            let orgWide = o.systems == 0 || rng.chance(o.organizationWideShare)
            var claims: [(FrameworkID, CatalogEntry)] = []
            var named: [Int] = []
            if orgWide {
                let n = 1 + rng.below(3)
                for _ in 0..<n {
                    // Mostly organisation-level requirements; some per-system ones (the process is documented centrally).
                    claims.append(rng.chance(0.85) || sysReqs.isEmpty ? rng.pick(orgReqs) : rng.pick(sysReqs))
                }
            } else {
                let s = rng.below(o.systems)
                named.append(s)
                if rng.chance(0.08) { named.append(rng.below(o.systems)) }
                let n = 1 + (rng.chance(0.35) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0)
                for _ in 0..<n {
                    if systemTiers[s] == .high && !euHigh.isEmpty && rng.chance(0.35) { claims.append((.euAIAct, rng.pick(euHigh))) }
                    else if rng.chance(0.9) || orgReqs.isEmpty { claims.append(rng.pick(sysReqs)) }
                    else { claims.append(rng.pick(orgReqs)) }
                }
            }
            if claims.isEmpty { claims.append(rng.pick(all)) }
            let collected = asOf.adding(days: -rng.below(900))
            raw("    <item id=\"EV-\(Self.pad(i + 1, ew))\" kind=\"\(kind.rawValue)\"")
            if rng.chance(0.92) { raw(" owner=\"\(person(rng.below(peopleCount)))\"") }
            raw(" collected=\"\(collected)\"")
            switch rng.below(100) {
            case 0..<45: raw(" review-days=\"\(rng.pick([(365, 6), (180, 2), (90, 1), (730, 1)]))\"")
            case 45..<75: raw(" valid-until=\"\(collected.adding(days: 365 + rng.below(400)))\"")
            default: break
            }
            // Supplier assurance: every fourth item naming only bought or embedded systems.
            if !named.isEmpty && i % 4 == 1 && named.allSatisfy({ supplied[$0] }) { raw(" provided-by=\"supplier\"") }
            raw(rng.chance(0.06) ? " status=\"draft\">\n      <title>" : " status=\"approved\">\n      <title>")
            let (_, first) = claims[0]
            esc("\(Self.kindTitles[kind]!): \(first.title)")
            if let s = named.first { esc(" — \(systemNames[s])") }
            raw("</title>\n")
            var seen: [String] = []
            for (fw, e) in claims where !seen.contains("\(fw):\(e.label)") {
                seen.append("\(fw):\(e.label)")
                raw("      <satisfies requirement=\"\(fw):")
                esc(e.label)
                raw(rng.chance(0.2) ? "\" coverage=\"partial\"/>\n" : "\" coverage=\"full\"/>\n")
            }
            for s in named { raw("      <system ref=\"\(system(s))\"/>\n") }
            if rng.chance(0.7) { raw("      <location>https://grc.example.com/evidence/\(kind)/EV-\(Self.pad(i + 1, ew)).pdf</location>\n") }
            if rng.chance(0.25) {
                raw("      <sha256>")
                let hex = Array("0123456789abcdef".utf8)
                for _ in 0..<4 {
                    var v = rng.next()
                    for _ in 0..<16 { buffer.append(hex[Int(v & 15)]); v >>= 4 }
                }
                raw("</sha256>\n")
            }
            raw("    </item>\n")
        }
        raw("  </evidence>\n  <owners>\n")
        for (fw, e) in all where rng.chance(0.8) {
            raw("    <assign requirement=\"\(fw):")
            esc(e.label)
            raw("\" person=\"\(person(rng.below(peopleCount)))\"/>\n")
            if rng.chance(0.04) {
                raw("    <assign requirement=\"\(fw):")
                esc(e.label)
                raw("\" person=\"\(person(rng.below(peopleCount)))\"/>\n")
            }
        }
        // Per-system owners for some per-system requirements, from the indices alone.
        if o.systems > 0 {
            for (k, (fw, e)) in sysReqs.enumerated() where k % 4 == 1 {
                raw("    <assign requirement=\"\(fw):")
                esc(e.label)
                raw("\" system=\"\(system((k * 11) % o.systems))\" person=\"\(person((k * 13) % peopleCount))\"/>\n")
            }
        }
        raw("  </owners>\n</organization>\n")
        flush()
    }
}
