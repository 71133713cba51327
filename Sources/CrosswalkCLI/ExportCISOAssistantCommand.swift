import ArgumentParser
import Crosswalk
import Foundation

struct ExportCISOAssistant: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ciso-assistant",
        abstract: "Write files CISO Assistant imports: an audit per framework, the applied controls, and the crosswalks as mapping libraries.",
        discussion: "Formats and the CISO Assistant files they follow: Docs/Interchange.md. All files or none, each atomically.")
    @OptionGroup var input: AssessmentOptions_
    @Option(help: ArgumentHelp("Folder to write the files to.", valueName: "dir")) var out: String

    func run() throws {
        let (dataset, org, assessment, deliverables) = try input.runWithDeliverables()
        let export = CISOAssistantExport(assessment, deliverables: deliverables, organization: org, dataset: dataset)
        for w in export.warnings { printError("warning: \(w)") }
        try reportingErrors {
            try OutputFolder.create(out)
            let dir = out.hasSuffix("/") ? out : out + "/"
            try AtomicFile.writeAll(export.files.map { (path: dir + $0.name, bytes: $0.bytes) })
        }
        for f in export.files { print("wrote \(out.hasSuffix("/") ? out : out + "/")\(f.name)") }
    }
}
