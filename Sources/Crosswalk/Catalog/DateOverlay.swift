import _CrosswalkXML

/// A user's corrections to the dates of the loaded catalogues: the way to follow the
/// Official Journal (an amending act's real number and entry into force, a date changed by
/// a corrigendum or a later act) without editing the bundled data.
///
/// Format (`Docs/CatalogFormat.md`, "Date overlays"):
///
/// ```xml
/// <date-overlay xmlns="urn:crosswalk:date-overlay:1" version="1">
///   <act framework="eu-ai-act" id="digital-omnibus-ai" entry-into-force="2026-07-27" status="published"
///        citation="Regulation (EU) 2026/1744, OJ L, 24.7.2026"/>
///   <date framework="eu-ai-act" entry="Art. 9" act="digital-omnibus-ai" date="2027-12-02"
///         basis="Art. 113(c) as amended, OJ L, 24.7.2026" when="annex-i"/>
/// </date-overlay>
/// ```
///
/// An `<act>` corrects an act a catalogue declares (any attribute given replaces the
/// catalogue's) or declares a new one (then `entry-into-force` is required). A `<date>`
/// replaces the entry's date set by the same act for the same conditions (`when`, space-
/// separated tokens, any order; none for the general date), or adds it when there is none;
/// `replaced-by` names an act from whose entry into force the date stops applying.
/// Read through the hardened XML reader: no DTD, no entities, bounded size; unknown
/// elements and attributes are errors, located in the file.
public struct DateOverlay: Sendable, Hashable {
    /// The namespace of the format.
    public static let namespace = "urn:crosswalk:date-overlay:1"

    /// A correction to, or a declaration of, a legal act.
    public struct ActChange: Sendable, Hashable {
        public var framework: FrameworkID
        public var id: String
        public var title: String?
        public var citation: String?
        public var entryIntoForce: CalendarDate?
        public var status: LegalAct.Status?
        public var location: SourceLocation
    }

    /// A date replacing (or added beside) an entry's dates.
    public struct DateChange: Sendable, Hashable {
        public var framework: FrameworkID
        /// The entry's label as printed (`Art. 9`).
        public var entry: String
        public var date: ApplicationDate
    }

    public var acts: [ActChange] = []
    public var dates: [DateChange] = []

    public init(acts: [ActChange] = [], dates: [DateChange] = []) {
        self.acts = acts
        self.dates = dates
    }

    /// Reads an overlay file.
    /// - Throws: ``CrosswalkError`` with every problem found, each at its line.
    public static func load(_ bytes: [UInt8], file: String, limits: InputLimits = .default) throws(CrosswalkError) -> DateOverlay {
        let root = try parseXMLTree(bytes, file: file, limits: limits)
        var log = DiagnosticLog(file: file)
        var overlay = DateOverlay()
        guard root.name == "date-overlay", root.namespace == namespace else {
            log.error(.unknownDocument, "expected <date-overlay xmlns=\"\(namespace)\">, found <\(root.name)>", line: root.line, column: root.column)
            try log.throwIfErrors()
            return overlay
        }
        check(root, allowed: ["version"], log: &log)
        if root.attribute("version") != "1" {
            log.error(.unsupportedVersion, "date-overlay version '\(root.attribute("version") ?? "")' is not supported; supported: 1", line: root.line, column: root.column)
        }
        for e in root.elements {
            guard e.namespace == namespace, e.name == "act" || e.name == "date" else {
                log.error(.unknownElement, "<\(e.name)> is not allowed in <date-overlay>; expected <act> or <date>", line: e.line, column: e.column)
                continue
            }
            let at = SourceLocation(file: file, line: e.line, column: e.column)
            func required(_ name: String) -> String? {
                guard let v = e.attribute(name), !v.isEmpty else {
                    log.error(.missingAttribute, "<\(e.name)> needs a \(name) attribute", line: e.line, column: e.column)
                    return nil
                }
                if let problem = limits.identifierProblem(v, "the \(name) attribute"), name != "basis" && name != "citation" {
                    log.error(.identifierTooLong, problem, line: e.line, column: e.column)
                    return nil
                }
                return v
            }
            func date(_ name: String, _ text: String?) -> CalendarDate? {
                guard let text else { return nil }
                guard let d = CalendarDate(text) else {
                    log.error(.invalidValue, "\(name) '\(text)' is not a date; write YYYY-MM-DD", line: e.line, column: e.column)
                    return nil
                }
                return d
            }
            if e.name == "act" {
                check(e, allowed: ["framework", "id", "title", "citation", "entry-into-force", "status"], log: &log)
                let fw = required("framework"), id = required("id")
                let force = date("entry-into-force", e.attribute("entry-into-force"))
                var status: LegalAct.Status?
                if let s = e.attribute("status") {
                    status = LegalAct.Status(rawValue: s)
                    if status == nil { log.error(.invalidValue, "status '\(s)' must be published or reported", line: e.line, column: e.column) }
                }
                if let id, !isOSCALToken(id) { log.error(.invalidValue, "act id '\(id)' must be a token such as digital-omnibus-ai", line: e.line, column: e.column) }
                if let fw, let id {
                    overlay.acts.append(ActChange(framework: FrameworkID(fw), id: id, title: e.attribute("title"), citation: e.attribute("citation"),
                                                  entryIntoForce: force, status: status, location: at))
                }
            } else {
                check(e, allowed: ["framework", "entry", "date", "act", "basis", "when", "replaced-by"], log: &log)
                let fw = required("framework"), entry = required("entry"), act = required("act"), basis = required("basis")
                let d = date("date", required("date"))
                var conditions: [ApplicationDate.Condition] = []
                for token in (e.attribute("when") ?? "").split(separator: " ").map(String.init) {
                    if let c = ApplicationDate.Condition(token: token) { conditions.append(c) }
                    else { log.error(.invalidValue, "when '\(token)' is not one of \(ApplicationDate.Condition.tokens.joined(separator: ", "))", line: e.line, column: e.column) }
                }
                if let fw, let entry, let act, let basis, let d {
                    overlay.dates.append(DateChange(framework: FrameworkID(fw), entry: entry,
                                                    date: ApplicationDate(date: d, act: act, replacedBy: e.attribute("replaced-by"), basis: basis,
                                                                          conditions: conditions, location: at)))
                }
            }
        }
        try log.throwIfErrors()
        return overlay
    }

    private static func check(_ e: XMLElement, allowed: Set<String>, log: inout DiagnosticLog) {
        for a in e.attributes where !allowed.contains(a.name) {
            log.error(.unknownAttribute, "<\(e.name)> has no attribute '\(a.name)'; allowed: \(allowed.sorted().joined(separator: ", "))", line: e.line, column: e.column)
        }
    }
}

extension CatalogSet {
    /// The catalogues with `overlay` applied: acts corrected or added, dates replaced or
    /// added, and each changed entry's general date (``CatalogEntry/appliesFrom``) derived again.
    /// - Throws: ``CrosswalkError`` locating each change that names an unknown framework,
    ///   entry or act.
    public func applying(_ overlay: DateOverlay) throws(CrosswalkError) -> CatalogSet {
        var out = self
        var problems: [Diagnostic] = []
        for change in overlay.acts {
            guard var catalog = out.catalog(change.framework) else {
                problems.append(Diagnostic(.error, .unknownFramework, "no loaded catalogue is framework '\(change.framework)'; loaded: \(frameworks.map(\.rawValue).joined(separator: ", "))", at: change.location))
                continue
            }
            if let i = catalog.acts.firstIndex(where: { $0.id == change.id }) {
                if let t = change.title { catalog.acts[i].title = t }
                if let c = change.citation { catalog.acts[i].citation = c }
                if let f = change.entryIntoForce { catalog.acts[i].entryIntoForce = f }
                if let s = change.status { catalog.acts[i].status = s }
            } else if let f = change.entryIntoForce {
                catalog.acts.append(LegalAct(id: change.id, title: change.title ?? change.id, citation: change.citation ?? "", entryIntoForce: f, status: change.status ?? .published))
            } else {
                problems.append(Diagnostic(.error, .missingAttribute, "act '\(change.id)' is new to \(change.framework) (declared: \(catalog.acts.map(\.id).joined(separator: ", "))); give its entry-into-force", at: change.location))
                continue
            }
            out.insert(catalog)
        }
        for change in overlay.dates {
            guard var catalog = out.catalog(change.framework) else {
                problems.append(Diagnostic(.error, .unknownFramework, "no loaded catalogue is framework '\(change.framework)'; loaded: \(frameworks.map(\.rawValue).joined(separator: ", "))", at: change.date.location))
                continue
            }
            guard let index = catalog.index(ofLabel: change.entry), catalog.entries[index].isRequirement else {
                problems.append(Diagnostic(.error, .unknownRequirement, "\(change.framework) has no requirement labelled '\(change.entry)'; give the label as printed, e.g. Art. 9", at: change.date.location))
                continue
            }
            if let r = change.date.replacedBy, !catalog.acts.contains(where: { $0.id == r }) {
                problems.append(Diagnostic(.error, .invalidValue, "replaced-by act '\(r)' is not declared for \(change.framework); declare it with <act>", at: change.date.location))
                continue
            }
            guard catalog.acts.contains(where: { $0.id == change.date.act }) else {
                problems.append(Diagnostic(.error, .invalidValue, "act '\(change.date.act)' is not declared for \(change.framework) (declared: \(catalog.acts.map(\.id).joined(separator: ", "))); declare it with <act>", at: change.date.location))
                continue
            }
            var dates = catalog.entries[index].dates
            let key = Set(change.date.conditions.map(\.description))
            if let i = dates.firstIndex(where: { $0.act == change.date.act && Set($0.conditions.map(\.description)) == key }) {
                var replaced = change.date
                if replaced.replacedBy == nil { replaced.replacedBy = dates[i].replacedBy }
                dates[i] = replaced
            } else {
                dates.append(change.date)
            }
            catalog.entries[index].dates = dates
            out.insert(catalog)
        }
        if !problems.isEmpty { throw CrosswalkError(diagnostics: problems) }
        for var c in out.catalogs where !c.acts.isEmpty {
            c.deriveGeneralDates()
            out.insert(c)
        }
        return out
    }
}
