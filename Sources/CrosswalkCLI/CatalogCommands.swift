import ArgumentParser
import Crosswalk

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
        let children = catalog.children(of: e.label)
        if !children.isEmpty { rows.append(["children", children.map(\.label).joined(separator: ", ")]) }
        rows.append(["defined at", e.location.description])
        print(Table.render(rows), terminator: "")
        if let text = e.statement { print("\n" + Table.wrap(text, width: 88)) }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export reference data.", subcommands: [ExportCatalog.self, ExportMappings.self])
}

struct ExportCatalog: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "catalog", abstract: "Export a framework's catalogue, one row per entry, headings included.")
    enum Format: String, ExpressibleByArgument { case csv }
    @OptionGroup var data: DataOptions
    @Argument(help: "Framework key.") var framework: String
    @Option(help: "Output format (csv).") var format: Format = .csv

    func run() throws {
        let dataset = try reportingErrors { try data.load() }
        let catalog = try dataset.requireCatalog(framework)
        writeStandardOutput(CatalogExport.csv(catalog))
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check catalogue and crosswalk files and print every problem as path:line:column: error: ….")
    @OptionGroup var data: DataOptions
    @Argument(help: "Files to check (OSCAL catalogs and mapping-collections, date overlays).") var files: [String]

    func run() throws {
        // Crosswalks are checked against the bundled catalogues, --catalogs, and any catalogue named here.
        var catalogs = (try? data.load().catalogs) ?? CatalogSet()
        var failed = false
        var files: [InputFile] = []
        for path in self.files {
            do { files.append(try InputFile.read(path)) } catch { printError(error.description); failed = true }
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
        if failed { throw Exit.invalidInput }
    }
}
