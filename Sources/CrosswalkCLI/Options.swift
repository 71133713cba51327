import ArgumentParser
import Crosswalk

/// The version `crosswalk --version` prints.
let crosswalkVersion = "0.1.0"

/// `--format` of the commands that print a table or its CSV (`owners`, `remediation`,
/// `coverage`): a typed option, so `--help` lists the values and any other is refused.
enum TableFormat: String, ExpressibleByArgument, CaseIterable { case table, csv }

/// `--format` of `map`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

extension Dataset {
    /// The catalogue of `framework`, or an error naming the loaded frameworks.
    func requireCatalog(_ framework: String, option: String? = nil) throws -> Catalog {
        guard let c = catalogs.catalog(FrameworkID(framework)) else {
            printError("error: unknown framework '\(framework)'\(option.map { " in \($0)" } ?? ""); loaded: \(loadedFrameworks)")
            throw Exit.invalidInput
        }
        return c
    }

    var loadedFrameworks: String { catalogs.frameworks.map(\.rawValue).joined(separator: ", ") }

    /// A comma-separated list of framework keys (`--frameworks`), each loaded; an empty list
    /// or an empty item is an error.
    func requireFrameworks(_ list: String, option: String) throws -> [FrameworkID] {
        let items = list.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard !items.isEmpty, !items.contains(where: \.isEmpty) else {
            printError("error: \(option) '\(list)' names no framework (or has an empty item); write keys separated by commas, e.g. iso42001,eu-ai-act; loaded: \(loadedFrameworks)")
            throw Exit.invalidInput
        }
        for f in items { _ = try requireCatalog(f, option: option) }
        return items.map { FrameworkID($0) }
    }
}
