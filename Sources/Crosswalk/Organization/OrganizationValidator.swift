/// The one check of an organisation, whatever its source: read from an organisation file,
/// imported from CSV, merged from both, or built in code.
///
/// - Vocabulary: text becomes a typed value (``RiskTier``, ``EUCondition``, …) only through
///   `vocabulary(_:_:field:at:log:)`, which the XML reader and the CSV importer call for
///   every value they read; an unknown spelling is an error at the offending element or cell
///   with a "did you mean". Values built in code are typed and cannot hold an unknown
///   spelling (text from elsewhere goes through ``OrganizationVocabulary/init(parsing:field:at:)``).
/// - Required facts and references: ``problems(in:catalogs:)`` — names, ids, a risk tier for
///   every active system when the EU AI Act is in scope, `collected` for approved evidence,
///   every requirement, system and person named.
///
/// Every problem is located (file, line, column of the element, or the CSV cell; values
/// built in code carry no file and are reported against the organisation's source) and the
/// list is sorted by position.
public enum OrganizationValidator {
    /// Every problem in `organization`, sorted by position.
    public static func problems(in organization: Organization, catalogs: CatalogSet) -> [Diagnostic] {
        var log = DiagnosticLog(file: organization.source)
        check(organization, catalogs: catalogs, log: &log)
        return sorted(log.items)
    }

    /// Checks `organization`.
    /// - Throws: ``CrosswalkError`` with every problem, sorted by position.
    public static func validate(_ organization: Organization, catalogs: CatalogSet) throws(CrosswalkError) {
        let found = problems(in: organization, catalogs: catalogs)
        if found.contains(where: { $0.severity == .error }) { throw CrosswalkError(diagnostics: found) }
    }

    /// Throws the errors of `log`, if any, sorted by position (a note on problems not shown last).
    static func throwSorted(_ log: DiagnosticLog) throws(CrosswalkError) {
        guard log.hasErrors else { return }
        var items = sorted(log.items.filter { $0.severity != .note })
        if log.dropped > 0 {
            items.append(Diagnostic(.note, .tooManyErrors, "\(log.dropped) more problems not shown; fix these and run again", at: SourceLocation(file: log.file)))
        }
        throw CrosswalkError(diagnostics: items)
    }

    /// Diagnostics in file order (file, line, column); equal positions keep their order.
    static func sorted(_ items: [Diagnostic]) -> [Diagnostic] {
        items.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
    }

    // MARK: Vocabulary

    /// `text` as a value of `V`, or nil with a located error and a "did you mean".
    static func vocabulary<V: OrganizationVocabulary>(_ text: String, _ type: V.Type, field: String, at location: SourceLocation, log: inout DiagnosticLog) -> V? {
        if let v = V(rawValue: text) { return v }
        log.error(.invalidValue, V.problem(text, field: field, suggest: log.hasRoom), at: location)
        return nil
    }

    /// An Annex III point in the catalogue's spelling (`5b`) or a lawyer's (`5(b)`, `5 b`,
    /// `5B`), normalised to `5b`; any other text is a located error.
    static func annexIII(_ text: String, field: String, at location: SourceLocation, log: inout DiagnosticLog) -> AnnexIIIPoint? {
        if let p = AnnexIIIPoint(lenient: text) { return p }
        let shown = text.utf8.count <= 80 ? text : String(text.prefix(60)) + "…"
        var m = "\(field) '\(shown)' is not a point of Annex III of Regulation (EU) 2024/1689"
        if log.hasRoom, let s = AnnexIIIPoint.suggestion(for: text) { m += "; did you mean '\(s.rawValue)'?" }
        m += "; write the heading (1-8) or the point as 5b (or 5(b)); points: \(AnnexIIIPoint.allowedValues.joined(separator: ", "))"
        log.error(.invalidValue, m, at: location)
        return nil
    }

    /// A list of EU AI Act roles separated by spaces (XML) or `;` (CSV).
    static func roles(_ texts: [String], field: String, at location: SourceLocation, log: inout DiagnosticLog) -> [EURole] {
        texts.compactMap { vocabulary($0, EURole.self, field: field, at: location, log: &log) }
    }

    // MARK: Required facts and references

    /// - Parameters:
    ///   - refusedTiers: where a reader already refused a risk tier's spelling (no second
    ///     error that the tier is missing).
    ///   - refusedAnnexIII: the same for Annex III points.
    ///   - evidenceChecked: the reader already made every check below of each evidence item
    ///     while it read it, and none found a problem (``OrganizationHandler/evidenceChecked``):
    ///     the evidence loop is skipped, since it would report nothing.
    static func check(_ org: Organization, catalogs: CatalogSet, log: inout DiagnosticLog, refusedTiers: Set<SourceLocation> = [], refusedAnnexIII: Set<SourceLocation> = [],
                      evidenceChecked: Bool = false) {
        // Values built in code carry no file: report them against the file being checked.
        let checkedFile = log.file
        func at(_ l: SourceLocation) -> SourceLocation { l.file.isEmpty ? SourceLocation(file: checkedFile) : l }
        var references = ReferenceCheck(catalogs: catalogs)
        if org.name.trimmingSpaces.isEmpty { log.error(.missingAttribute, "the organisation needs a name: <organization name=\"…\">", at: at(org.rootLocation.file.isEmpty ? org.scopeLocation : org.rootLocation)) }
        if org.frameworks.isEmpty { log.error(.missingElement, "<scope> names no <framework id=…>; list the frameworks in scope", at: at(org.scopeLocation)) }
        let loaded = catalogs.frameworks.map(\.rawValue)
        func unknownFramework(_ f: FrameworkID, _ what: String) -> String {
            var m = "\(what) '\(f)' is not loaded"
            if let near = nearest(f.rawValue, in: loaded) { m += "; did you mean '\(near)'?" }
            return m + " (loaded: \(loaded.joined(separator: ", ")); load its catalogue with --catalogs)"
        }
        for (i, f) in org.frameworks.enumerated() where catalogs.catalog(f) == nil {
            log.error(.unknownFramework, unknownFramework(f, "framework"), at: at(i < org.frameworkLocations.count ? org.frameworkLocations[i] : org.scopeLocation))
        }
        if (org.primaryFrameworkDeclared || (org.rootLocation.file.isEmpty && org.primaryFramework != .iso42001)) && catalogs.catalog(org.primaryFramework) == nil {
            log.error(.unknownFramework, unknownFramework(org.primaryFramework, "primary-framework"), at: at(org.rootLocation.file.isEmpty ? org.scopeLocation : org.rootLocation))
        }
        let euInScope = org.frameworks.contains(.euAIAct)
        func contradictions(_ facts: [ConditionFact], _ whose: String) {
            for (i, f) in facts.enumerated() {
                if let first = facts[..<i].first(where: { $0.condition == f.condition }), first.holds != f.holds {
                    log.error(.invalidValue, "\(whose) declares \(f.condition.rawValue) both to hold and not to hold (first at \(first.location)); keep one", at: at(f.location))
                }
            }
        }
        contradictions(org.facts, "the organisation")
        var people = Set<String>(minimumCapacity: org.people.count)
        for p in org.people {
            if p.id.isEmpty { log.error(.missingAttribute, "a person needs an id", at: at(p.location)) }
            else if !people.insert(p.id).inserted { log.error(.duplicateIdentifier, "person id '\(p.id)' is used twice; person ids must be unique", at: at(p.location)) }
            if p.name.trimmingSpaces.isEmpty { log.error(.missingAttribute, "person '\(p.id)' needs a name", at: at(p.location)) }
        }
        var systems = Set<String>(minimumCapacity: org.systems.count)
        for s in org.systems {
            if s.id.isEmpty { log.error(.missingAttribute, "a system needs an id", at: at(s.location)) }
            else if !systems.insert(s.id).inserted { log.error(.duplicateIdentifier, "system id '\(s.id)' is used twice; system ids must be unique", at: at(s.location)) }
            if s.name.trimmingSpaces.isEmpty { log.error(.missingAttribute, "system '\(s.id)' needs a name", at: at(s.location)) }
            contradictions(s.facts, "system \(s.id)")
            if euInScope && s.isActive && s.riskTier == .high && s.annexIII == nil && s.facts.declared(.annexIProduct) != true && !refusedAnnexIII.contains(s.location) {
                log.add(Diagnostic(.warning, .missingAttribute, "system \(s.id) is high-risk but names no Annex III point and does not declare annex-i-product; write annex-iii=\"…\" (e.g. 5b) or <condition>annex-i-product</condition>, or the obligations that turn on them stay undetermined", at: at(s.location)))
            }
            if !s.owner.isEmpty && !people.contains(s.owner) { log.error(.unknownRequirement, "system \(s.id) has owner '\(s.owner)', who is not in <people>", at: at(s.location)) }
            // Lifecycle dates.
            if s.retiredOn != nil && s.isActive {
                log.error(.invalidValue, "system \(s.id) has retired-on but its lifecycle is \(s.lifecycle.rawValue); write lifecycle=\"retired\" once it is retired, or remove retired-on", at: at(s.location))
            }
            if let r = s.retiredOn, let p = s.placedOnMarket, r < p {
                log.error(.invalidValue, "system \(s.id) is retired on \(r), before it was placed on the market or put into service (\(p)); correct one of the two dates", at: at(s.location))
            }
            if let r = s.retiredOn, let g = s.goLive, r < g {
                log.error(.invalidValue, "system \(s.id) is retired on \(r), before its go-live (\(g)); correct one of the two dates", at: at(s.location))
            }
            if euInScope && s.isActive && s.riskTier == nil && s.sourcing == .embedded && !refusedTiers.contains(s.location) {
                log.add(Diagnostic(.warning, .missingAttribute, "system \(s.id) is embedded in bought software and declares no EU AI Act risk tier: it is assessed as unclassified; confirm whether it is an AI system and declare risk-tier", at: at(s.location)))
            } else if euInScope && s.isActive && s.riskTier == nil && !refusedTiers.contains(s.location) {
                log.error(.missingAttribute, "system \(s.id) declares no EU AI Act risk tier, and the EU AI Act is in scope; declare risk-tier (\(RiskTier.allowedValues.joined(separator: ", "))) — unclassified if it is not classified yet", at: at(s.location))
            }
        }
        let systemIDs = org.systems.map(\.id), personIDs = org.people.map(\.id)
        var ids = Set<String>(minimumCapacity: evidenceChecked ? 0 : org.evidence.count)
        // From the register's columns (no `Evidence` made): each distinct requirement, system
        // id and owner is resolved once; a claim, system or owner is looked at again only
        // when it has a problem to report.
        let register = evidenceChecked ? EvidenceRegister() : org.evidence
        let knownRequirement = register.requirements.map { references.isKnown($0) }
        let systemDeclared = register.names.map { systems.contains($0) }, personDeclared = register.names.map { people.contains($0) }
        for i in register.indices {
            let id = register.id(i)
            let location = register.location(i)
            if id.isEmpty { log.error(.missingAttribute, "an evidence item needs an id", at: at(location)) }
            else if !ids.insert(id).inserted { log.error(.duplicateIdentifier, "evidence id '\(id)' is used twice; ids must be unique", at: at(location)) }
            let collected = register.collected(i), certificate = register.certificate(i)
            if register.status(i) == .approved && collected == nil {
                log.error(.missingAttribute, "evidence \(id) is approved but has no collected date; add collected=\"YYYY-MM-DD\" (the date it was approved or collected)", at: at(location))
            }
            if register.kind(i) == .certificate && certificate == nil { log.error(.missingElement, "evidence \(id) is a certificate without <certificate standard=\"iso27001\" number=\"…\" issuer=\"…\"/>", at: at(location)) }
            if register.claimRange(i).isEmpty && certificate == nil { log.error(.missingElement, "evidence \(id) satisfies nothing: add <satisfies requirement=\"framework:label\"/>", at: at(location)) }
            for k in register.claimRange(i) where !knownRequirement[register.claimRequirement(k)] {
                let c = register.claimLocation(k)
                references.requirement(register.requirements[register.claimRequirement(k)], at: at(c.file.isEmpty ? location : c), what: "evidence \(id)", log: &log)
            }
            for k in register.systemRange(i) where !systemDeclared[register.systemName(k)] {
                let s = register.systemID(k)
                var m = "evidence \(id) names system '\(s)', which is not in <systems>"
                if log.hasRoom, let near = nearest(s, in: systemIDs) { m += "; did you mean '\(near)'?" }
                log.error(.unknownRequirement, m, at: at(register.systemLocation(k) ?? location))
            }
            let owner = register.ownerName(i)
            if !register.names[owner].isEmpty && !personDeclared[owner] { log.error(.unknownRequirement, "evidence \(id) has owner '\(register.names[owner])', who is not in <people>", at: at(location)) }
            if register.providedBy(i) == .supplier && register.isOrganizationWide(i) {
                log.error(.missingElement, "evidence \(id) is provided-by=\"supplier\" but names no system; add <system ref=\"…\"/> for the system(s) whose supplier provided it", at: at(location))
            }
            if let c = collected, let v = register.validUntil(i), v < c { log.error(.invalidValue, "evidence \(id) is valid until \(v), before it was collected (\(c))", at: at(location)) }
        }
        func knownSystem(_ id: String?, _ what: String, _ location: SourceLocation) {
            guard let id, !systems.contains(id) else { return }
            var m = "\(what) names system '\(id)', which is not in <systems>"
            if log.hasRoom, let near = nearest(id, in: systemIDs) { m += "; did you mean '\(near)'?" }
            log.error(.unknownRequirement, m + "; name a system id, or remove system= to make it organisation-wide", at: at(location))
        }
        for d in org.decisions {
            references.requirement(d.requirement, at: at(d.location), what: "applicability decision", log: &log)
            knownSystem(d.system, "applicability decision on \(d.requirement)", d.location)
        }
        for o in org.owners {
            references.requirement(o.requirement, at: at(o.location), what: "owner assignment", log: &log)
            knownSystem(o.system, "owner assignment on \(o.requirement)", o.location)
            if !people.contains(o.person) {
                var m = "owner assignment names person '\(o.person)', who is not in <people>"
                if log.hasRoom, let near = nearest(o.person, in: personIDs) { m += "; did you mean '\(near)'?" }
                log.error(.unknownRequirement, m, at: at(o.location))
            }
        }
    }

    /// The closest of `candidates` to `text` by edit distance, when close (at most a third of
    /// its length, and at least 1). Bounded work for untrusted input: nil for more than
    /// ``maxCandidates`` candidates, and candidates whose length alone rules them out are skipped.
    static func nearest(_ text: String, in candidates: [String]) -> String? {
        guard candidates.count <= maxCandidates, text.utf8.count <= 256 else { return nil }
        let lower = text.lowercased(), n = lower.utf8.count
        var best: (String, Int)?
        for c in candidates {
            let m = c.utf8.count
            guard m <= 256, abs(m - n) <= max(1, m / 3) else { continue }
            let d = editDistance(lower, c.lowercased())
            if d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        guard let best, best.1 <= max(1, best.0.utf8.count / 3) else { return nil }
        return best.0
    }

    /// The most ids ``nearest(_:in:)`` compares with (a "did you mean" among more is skipped).
    static let maxCandidates = 20_000
}

/// Resolves requirement references against the loaded catalogues, one catalogue lookup per
/// framework change rather than per reference.
struct ReferenceCheck {
    let catalogs: CatalogSet
    var index: [FrameworkID: Int] = [:]
    var lastFramework: FrameworkID?, lastCatalog: Int?

    init(catalogs: CatalogSet) {
        self.catalogs = catalogs
        for (i, c) in catalogs.catalogs.enumerated() { index[c.framework] = i }
    }

    /// Whether ``requirement(_:at:what:log:)`` would report nothing for `r`: its framework
    /// is loaded and `r` names one of its requirements (not a heading).
    mutating func isKnown(_ r: RequirementRef) -> Bool {
        if r.framework != lastFramework { lastFramework = r.framework; lastCatalog = index[r.framework] }
        guard let ci = lastCatalog, let i = catalogs.catalogs[ci].index(ofLabel: r.label) else { return false }
        return catalogs.catalogs[ci].entries[i].isRequirement
    }

    mutating func requirement(_ r: RequirementRef, at location: SourceLocation, what: @autoclosure () -> String, log: inout DiagnosticLog) {
        if r.framework != lastFramework { lastFramework = r.framework; lastCatalog = index[r.framework] }
        guard let ci = lastCatalog else {
            log.error(.unknownFramework, "\(what()) names framework '\(r.framework)', which is not loaded (loaded: \(catalogs.frameworks.map(\.rawValue).joined(separator: ", ")))", at: location)
            return
        }
        let c = catalogs.catalogs[ci]
        guard let i = c.index(ofLabel: r.label) else {
            log.error(.unknownRequirement, "\(what()) names '\(r)', which \(r.framework) does not have; check the label with `crosswalk show \(r.framework)`", at: location)
            return
        }
        if !c.entries[i].isRequirement {
            log.error(.unknownRequirement, "\(what()) names '\(r)', a heading; name one of its requirements: \(c.children(of: c.entries[i].label).prefix(6).map(\.label).joined(separator: ", "))", at: location)
        }
    }
}

extension Organization {
    /// Every problem in the organisation against `catalogs` (unknown requirements, systems
    /// and people, required facts, contradictions), sorted by position: the checks the
    /// loaders run, for an organisation built or decoded in code.
    public func problems(catalogs: CatalogSet) -> [Diagnostic] { OrganizationValidator.problems(in: self, catalogs: catalogs) }

    /// Checks the organisation against `catalogs`.
    /// - Throws: ``CrosswalkError`` with every problem, sorted by position.
    public func validate(catalogs: CatalogSet) throws(CrosswalkError) { try OrganizationValidator.validate(self, catalogs: catalogs) }
}
