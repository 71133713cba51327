import ArgumentParser
import Crosswalk
import Foundation


struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "map", abstract: "Show how a requirement relates to other frameworks: relationship, strength, rationale, justification, and the chain of derived relations.")
    @OptionGroup var data: DataOptions
    @Argument(help: ArgumentHelp("framework:label, e.g. eu-ai-act:\"Art. 9\" or iso42001:A.6.2.4.", valueName: "framework:label")) var requirement: String
    @Option(help: "Only relations to this framework.") var to: String?
    @Option(help: "Output format.") var format: OutputFormat = .table
    @Flag(inversion: .prefixedNo, help: "Include relations derived through sound chains.") var derived = true

    func run() throws {
        let dataset = try reportingErrors { try data.load() }
        if let to { _ = try dataset.requireCatalog(to, option: "--to") }
        if let ref = RequirementRef(parsing: requirement), dataset.catalogs.catalog(ref.framework) == nil {
            _ = try dataset.requireCatalog(ref.framework.rawValue)
        }
        guard let ref = RequirementRef(parsing: requirement), dataset.graph.contains(ref) else {
            printError("error: '\(requirement)' is not a loaded requirement; write framework:label, e.g. iso42001:A.6.2.4 (see `crosswalk show <framework>`)")
            throw Exit.invalidInput
        }
        let relations = dataset.graph.relations(of: ref, to: to.map { FrameworkID($0) }, includeDerived: derived)
        switch format {
        case .csv: writeStandardOutput(MappingExport.csv(relations))
        case .json: writeStandardOutput(MappingExport.json(relations))
        case .table:
            let entry = dataset.catalogs.entry(ref)
            print("\(ref)  \(entry?.title ?? "")")
            if relations.isEmpty { print("  no mappings"); return }
            var rows = [["RELATIONSHIP", "TO", "STRENGTH", "RATIONALE", "KIND", "JUSTIFICATION"]]
            for r in relations {
                rows.append([r.relationship.rawValue, r.object.description, String(r.strength), r.rationale.rawValue,
                             r.isDerived ? (r.needsReview ? "derived, review" : "derived") : "asserted", r.justification])
            }
            print(Table.render(rows), terminator: "")
        }
    }
}

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "coverage", abstract: "How much of one framework is reached from another: full, partial, not related, unmapped.")
    @OptionGroup var data: DataOptions
    @Option(help: "The framework whose requirements are met.") var from: String
    @Option(help: "The framework to cover.") var to: String
    @Option(help: "Output format.") var format: TableFormat = .table
    @Flag(inversion: .prefixedNo, help: "Count relations derived through sound chains.") var derived = true

    func run() throws {
        let dataset = try reportingErrors { try data.load() }
        _ = try dataset.requireCatalog(from, option: "--from")
        _ = try dataset.requireCatalog(to, option: "--to")
        guard let report = dataset.graph.coverage(from: FrameworkID(from), to: FrameworkID(to), includeDerived: derived) else { throw Exit.invalidInput }
        if format == .csv {
            writeStandardOutput(MappingExport.coverageCSV(report))
            return
        }
        let n = report.rows.count
        print("Coverage of \(to) (\(n) requirements) from \(from)")
        print("  full \(report.count(.full)), partial \(report.count(.partial)), not related \(report.count(.notRelated)), unmapped \(report.count(.unmapped)); dispositioned \(report.dispositioned)/\(n)")
        var rows = [["REQUIREMENT", "STATUS", "BEST ROUTE", "TITLE"]]
        for row in report.rows {
            let best = row.via.first.map { "\($0.relationship.rawValue) \($0.object.label) (\($0.strength)\($0.isDerived ? ", derived" : ""))" } ?? "—"
            rows.append([row.requirement.label, row.status.rawValue, best, row.requirement.title])
        }
        print(Table.render(rows), terminator: "")
    }
}

struct ExportMappings: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mappings", abstract: "Export every asserted (and with --derived, derived) mapping.")
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, oscal }
    @OptionGroup var data: DataOptions
    @Option(help: "Output format: csv, or oscal (a mapping-collection of the asserted mappings).") var format: Format = .csv
    @Flag(help: "Add derived relations (csv only).") var derived = false

    func validate() throws {
        if derived && format == .oscal {
            throw ValidationError("--derived works with --format csv only: an OSCAL mapping-collection holds asserted mappings, and a derived relation is not one; drop --derived or use --format csv")
        }
    }

    func run() throws {
        let dataset = try reportingErrors { try data.load() }
        switch format {
        case .csv: writeStandardOutput(MappingExport.csv(graph: dataset.graph, includeDerived: derived))
        case .oscal: writeStandardOutput(MappingExport.oscal(dataset.graph))
        }
    }
}
