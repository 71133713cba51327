import ArgumentParser
import Crosswalk
import Foundation

/// The kind of document at `path`, told by its root element in the first 64 KiB; nil when
/// it cannot be told (the loaders then report why).
func rootKind(_ path: String) -> DocumentKind? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: 1 << 16) else { return nil }
    return DocumentKind(rootOf: ArraySlice(data))
}

struct Catalogs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the loaded frameworks with their counts by kind.")
    @OptionGroup var data: DataOptions

    func run() throws {
        let dataset = try reportingErrors { try data.load() }
        var rows: [[String]] = [["FRAMEWORK", "REQUIREMENTS", "ENTRIES BY KIND", "TITLE"]]
        for c in dataset.catalogs.catalogs {
            rows.append([c.framework.rawValue, String(c.requirements.count),
                         c.countsByKind.map { "\($0.count) \($0.kind)" }.joined(separator: ", "), c.title])
        }
        print(Table.render(rows), terminator: "")
        print("\n\(dataset.collections.count) crosswalks, \(dataset.graph.mappings.count) mappings:")
        for m in dataset.collections {
            print("  \(m.title) — \(m.mappings.count) mappings, \(m.method) method, status \(m.status)")
        }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a framework's tree, or one entry with its props and text.")
    @OptionGroup var data: DataOptions
    @Argument(help: "Framework key (iso42001, iso27001, nist-ai-rmf, eu-ai-act, …).") var framework: String
    @Argument(help: "An entry's label as printed (e.g. A.6.2.4, \"GOVERN 1.1\", \"Art. 26(1)\").") var label: String?

    func run() throws {
        let dataset = try reportingErrors { try data.load() }
        let catalog = try dataset.requireCatalog(framework)
        guard let label else {
            print("\(catalog.title)\n\(catalog.edition)\n")
            for e in catalog.entries {
                let indent = String(repeating: "  ", count: e.depth)
                var tags = [e.kind.rawValue]
                if let s = e.scope, e.isRequirement { tags.append(s.rawValue) }
                print("\(indent)\(e.label)  \(e.title)  [\(tags.joined(separator: ", "))]")
            }
            return
        }
        guard let e = catalog.entry(labelOrID: label) else {
            printError("error: \(framework) has no entry '\(label)'; run `crosswalk show \(framework)` to list them")
            throw Exit.invalidInput
        }
        print("\(catalog.framework):\(e.label)  \(e.title)")
        var rows: [[String]] = [
            ["kind", e.kind.rawValue], ["oscal id", e.id], ["parent", e.parent ?? "—"],
            ["requirement", e.isRequirement ? "yes" : "no (heading)"],
        ]
        if let s = e.scope { rows.append(["scope", s.rawValue]) }
        if let o = e.obligation { rows.append(["obligation", o.rawValue]) }
        if !e.actors.isEmpty { rows.append(["actors", e.actors.joined(separator: ", ")]) }
        if !e.riskTiers.isEmpty { rows.append(["risk tiers", e.riskTiers.joined(separator: ", ")]) }
        if !e.conditions.isEmpty { rows.append(["conditions", e.conditions.joined(separator: ", ")]) }
        if let d = e.appliesFrom { rows.append(["applies from", d.description + (e.appliesFromBasis.map { " (\($0))" } ?? "")]) }
        let acts = catalog.actsByID
        for d in e.dates {
            let act = acts[d.act].map { "\($0.id), in force from \($0.entryIntoForce)" + ($0.status == .reported ? ", as reported" : "") } ?? d.act
            let when = d.conditions.isEmpty ? "" : " when " + d.conditions.map(\.description).joined(separator: " and ")
            let replaced = d.replacedBy.map { "; replaced by \($0)" } ?? ""
            rows.append(["date", "\(d.date)\(when): \(d.basis) [\(act)\(replaced)]"])
        }
        for p in e.properties where !["kind", "scope", "obligation", "actor", "risk-tier", "condition", "applies-from", "applies-from-basis", "label"].contains(p.name) {
            rows.append([p.name, p.value])
        }
        if !e.lifecycle.rationale.isEmpty { rows.append(["lifecycle", e.lifecycle.rationale]) }
        let children = catalog.children(of: e.label)
        if !children.isEmpty { rows.append(["children", children.map(\.label).joined(separator: ", ")]) }
        rows.append(["defined at", e.location.description])
        print(Table.render(rows), terminator: "")
        if let text = e.statement { print("\n" + Table.wrap(text, width: 88)) }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export reference data.", subcommands: [ExportCatalog.self, ExportMappings.self, ExportCISOAssistant.self])
}

struct ExportCatalog: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "catalog", abstract: "Export a framework's catalogue, one row per entry, headings included.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv }
    @OptionGroup var data: DataOptions
    @Argument(help: "Framework key.") var framework: String
    @Option(help: "Output format.") var format: Format = .csv

    func run() throws {
        let dataset = try reportingErrors { try data.load() }
        let catalog = try dataset.requireCatalog(framework)
        writeStandardOutput(CatalogExport.csv(catalog))
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check catalogue, crosswalk and organisation files and CSV imports; print every problem as path:line:column: error: ….",
        discussion: """
            Each file is recognised by its root element: an OSCAL catalog, an OSCAL mapping-collection, an \
            organisation (Docs/OrganisationFormat.md) or a date overlay (Docs/CatalogFormat.md). Crosswalks and organisations are checked against the bundled \
            catalogues, --catalogs and any catalogue named here. --systems-csv, --evidence-csv, --decisions-csv and --owners-csv are merged into the \
            organisation named here (default: the bundled sample, as assess does) and checked with it, with the errors \
            assess gives. Exit codes: 0 all valid; 2 a problem found; 3 a file cannot be read.
            """)
    @OptionGroup var data: DataOptions
    @Argument(help: "Files to check (OSCAL catalogs and mapping-collections, organisation files, date overlays).") var files: [String] = []
    @Option(name: .customLong("systems-csv"), help: ArgumentHelp("An AI system inventory (CSV) to check with the organisation.", valueName: "file")) var systemsCSV: String?
    @Option(name: .customLong("evidence-csv"), help: ArgumentHelp("An evidence register (CSV) to check with the organisation.", valueName: "file")) var evidenceCSV: String?
    @Option(name: .customLong("decisions-csv"), help: ArgumentHelp("SoA decisions (CSV) to check with the organisation.", valueName: "file")) var decisionsCSV: String?
    @Option(name: .customLong("owners-csv"), help: ArgumentHelp("Owner assignments (CSV) to check with the organisation.", valueName: "file")) var ownersCSV: String?

    private var imports: [String] { [systemsCSV, evidenceCSV, decisionsCSV, ownersCSV].compactMap { $0 } }

    func validate() throws {
        if files.isEmpty && imports.isEmpty {
            throw ValidationError("name a file to check, or --systems-csv / --evidence-csv / --decisions-csv / --owners-csv")
        }
    }

    func run() throws {
        // Crosswalks are checked against the bundled catalogues, --catalogs, and any catalogue named here.
        let dataset = try? data.load()
        var catalogs = dataset?.catalogs ?? CatalogSet()
        var failed = false, ioFailed = false
        var files: [InputFile] = []
        var organizations: [String] = []
        for path in self.files {
            // Organisation files may be large: they are read a piece at a time by the loader.
            if rootKind(path) == .organization { organizations.append(path); continue }
            do { files.append(try InputFile.read(path)) } catch {
                printError(error.description)
                if error.code == .ioError { ioFailed = true } else { failed = true }
            }
        }
        // Catalogues first (a valid one is loaded once), so crosswalks named here resolve against them.
        var results = [Result<Document, CrosswalkError>?](repeating: nil, count: files.count)
        for (i, file) in files.enumerated() {
            let r = Result { () throws(CrosswalkError) in try Document.load(file, limits: data.limits()) }
            if case .success(.catalog(let c, _)) = r { catalogs.insert(c); results[i] = r }
        }
        for (i, file) in files.enumerated() {
            let result = results[i] ?? Result { () throws(CrosswalkError) in try Document.load(file, catalogs: catalogs, limits: data.limits()) }
            switch result {
            case .success(.catalog(let catalog, let warnings)):
                for w in warnings { printError(w.description) }
                print("\(file.path): ok: catalog \(catalog.framework), \(catalog.entries.count) entries, \(catalog.requirements.count) requirements")
            case .success(.mappingCollection(let collection, let warnings)):
                for w in warnings { printError(w.description) }
                print("\(file.path): ok: mapping-collection '\(collection.title)', \(collection.mappings.count) mappings")
            case .success(.dateOverlay(let overlay)):
                print("\(file.path): ok: date overlay, \(overlay.acts.count) acts, \(overlay.dates.count) dates")
            case .failure(let error):
                printError(error.description)
                failed = true
            }
        }
        // Organisations, with the CSV imports merged into the first (or into the bundled sample).
        guard !organizations.isEmpty || !imports.isEmpty else {
            if ioFailed { throw Exit.ioError }
            if failed { throw Exit.invalidInput }
            return
        }
        if dataset == nil { _ = try reportingErrors { try data.load() } }
        let names: [String?] = organizations.isEmpty ? [nil] : organizations
        for (k, name) in names.enumerated() {
            let input = OrganizationInput(file: name, systemsCSV: k == 0 ? systemsCSV : nil, evidenceCSV: k == 0 ? evidenceCSV : nil,
                                          decisionsCSV: k == 0 ? decisionsCSV : nil, ownersCSV: k == 0 ? ownersCSV : nil)
            do {
                let (org, warnings) = try input.load(catalogs: catalogs, data: data)
                for w in warnings { printError(w.description) }
                let imports = k == 0 ? self.imports : []
                print("\(name ?? org.source): ok: organisation '\(org.name)', \(org.systems.count) systems, \(org.evidence.count) evidence items"
                      + (imports.isEmpty ? "" : " (with \(imports.joined(separator: " and ")))"))
            } catch let exit as ExitCode {
                if exit == Exit.ioError { ioFailed = true } else { failed = true }
            }
        }
        if ioFailed { throw Exit.ioError }
        if failed { throw Exit.invalidInput }
    }
}
