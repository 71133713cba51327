import ArgumentParser
import Crosswalk
import Foundation

/// An organisation as `assess` and `validate` read it: an organisation file (default: the
/// bundled sample) with an inventory and an evidence register from CSV merged in, then
/// checked as a whole by the library's validator.
struct OrganizationInput {
    var file: String?
    var systemsCSV: String?
    var evidenceCSV: String?
    var decisionsCSV: String? = nil
    var ownersCSV: String? = nil

    /// Loads, merges and validates; prints nothing but errors (through ``reportingErrors(_:)``).
    func load(catalogs: CatalogSet, data: DataOptions) throws -> (organization: Organization, warnings: [Diagnostic]) {
        // A file is read a piece at a time: memory follows the records kept, not the file size.
        var (org, warnings) = try reportingErrors {
            let limits = data.limits(OrganizationLoader.defaultLimits)
            if let file { return try OrganizationLoader.load(contentsOf: file, catalogs: catalogs, limits: limits, progress: Progress.percent("reading \(file)")) }
            let input = try BundledData.sampleOrganization()
            return try OrganizationLoader.load(input.bytes, file: input.path, catalogs: catalogs, limits: limits)
        }
        if systemsCSV != nil || evidenceCSV != nil || decisionsCSV != nil || ownersCSV != nil {
            try reportingErrors {
                let limits = data.limits()
                var problems: [Diagnostic] = []
                // Both imports are read before stopping, so one run shows every problem.
                if let path = systemsCSV {
                    do throws(CrosswalkError) { org.systems += try OrganizationCSV.systems(InputFile.read(path).bytes, file: path, limits: limits) } catch { problems += error.diagnostics }
                }
                if let path = evidenceCSV {
                    do throws(CrosswalkError) { org.evidence += try OrganizationCSV.evidence(InputFile.read(path).bytes, file: path, limits: limits) } catch { problems += error.diagnostics }
                }
                if let path = decisionsCSV {
                    do throws(CrosswalkError) { org.decisions += try OrganizationCSV.decisions(InputFile.read(path).bytes, file: path, limits: limits) } catch { problems += error.diagnostics }
                }
                if let path = ownersCSV {
                    do throws(CrosswalkError) { org.owners += try OrganizationCSV.owners(InputFile.read(path).bytes, file: path, limits: limits) } catch { problems += error.diagnostics }
                }
                if !problems.isEmpty { throw CrosswalkError(diagnostics: problems) }
                try OrganizationLoader.check(org, catalogs: catalogs)
            }
        }
        return (org, warnings)
    }
}
