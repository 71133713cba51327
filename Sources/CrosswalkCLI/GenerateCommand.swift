import ArgumentParser
import Crosswalk

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic organisation file (for tests and benchmarks), deterministic from the seed.",
        discussion: "Systems over every risk tier (unclassified included), EU role and Annex III heading, with facts declared true or false; evidence over every framework with real labels, drafts, expired items, system-specific items; SoA decisions; owners, some conflicting.")
    @OptionGroup var data: DataOptions
    @Option(help: "AI systems in the inventory.") var systems: Int
    @Option(help: "Evidence items in the register.") var evidence: Int
    @Option(help: "Seed of the generator.") var seed: UInt64 = 42
    @Option(name: .customLong("org-wide-share"), help: "Share of evidence that names no system (0…1).") var orgWideShare = 0.03
    @Option(help: ArgumentHelp("The file to write.", valueName: "file")) var out: String

    func validate() throws {
        guard systems >= 0, evidence >= 0 else { throw ValidationError("--systems and --evidence must be 0 or more") }
        guard (0...1).contains(orgWideShare) else { throw ValidationError("--org-wide-share must be between 0 and 1") }
    }

    func run() throws {
        let dataset = try reportingErrors { try data.load() }
        let options = GeneratorOptions(systems: systems, evidence: evidence, seed: seed, organizationWideShare: orgWideShare)
        try reportingErrors { try OrganizationGenerator.write(options, dataset: dataset, to: out) }
        print("wrote \(out)")
    }
}
