import ArgumentParser
import Crosswalk
import Foundation

struct Inventory: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The AI register: every system with its owner, sourcing, lifecycle, classification and how complete its record is.",
        discussion: """
            Completeness (impact assessment, supplier due diligence, classification) comes from the \
            assessment's cells; a system embedded in bought software with no classification is flagged \
            "confirm whether this is an AI system and classify it". Columns: Docs/Inventory.md. \
            --format csv prints the register as CSV.
            """)
    @OptionGroup var input: AssessmentOptions_
    @Option(help: "Output format.") var format: TableFormat = .table

    func run() throws {
        let (_, _, _, d) = try input.runWithDeliverables()
        if format == .csv { writeStandardOutput(DeliverablesExport.registerCSV(d.register)); return }
        var rows = [["SYSTEM", "OWNER", "SOURCING", "LIFECYCLE", "TIER", "IMPACT", "SUPPLIER", "CLASSIFIED", "READINESS", "TO DO"]]
        for r in d.register {
            let s = r.system
            let sourcing = s.sourcing.rawValue + (s.vendor.isEmpty ? "" : " (\(s.vendor))")
            let dates = s.goLive.map { " go-live \($0)" } ?? s.retiredOn.map { " \($0)" } ?? ""
            rows.append([s.id, s.owner.isEmpty ? "— none —" : s.owner, sourcing, s.lifecycle.rawValue + dates,
                         (s.riskTier?.rawValue ?? "—") + (s.annexIII.map { " (\($0.rawValue))" } ?? ""),
                         r.impactAssessment.rawValue, r.supplierDueDiligence.rawValue, r.classification.rawValue,
                         r.readiness.map { String(format: "%.1f%%", $0 * 100) } ?? "—", r.actions.joined(separator: "; ")])
        }
        print(Table.render(rows), terminator: "")
        let flagged = d.register.filter { !$0.actions.isEmpty }.count
        print("\(d.register.count) systems; \(flagged) with something to do.")
    }
}
