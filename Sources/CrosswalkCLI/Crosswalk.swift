import ArgumentParser
import Crosswalk
import Foundation

@main
struct CrosswalkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosswalk",
        abstract: "AI-governance compliance across ISO/IEC 42001, ISO/IEC 27001, NIST AI RMF and the EU AI Act.",
        discussion: """
            Exit codes: 0 success; 1 gaps found (only with --fail-on-gaps); 2 invalid input; \
            3 input/output error; 64 usage error.
            """,
        version: "crosswalk \(crosswalkVersion)",
        subcommands: [Assess.self, Diff.self, Owners.self, Remediation.self, Inventory.self, Catalogs.self, Show.self, MapCommand.self, CoverageCommand.self, Export.self, Validate.self, Serve.self, Generate.self]
    )

    /// Installs the signal handlers that remove half-written reports, then runs.
    static func main() async {
        AtomicFile.installSignalCleanup()
        await main(nil)
    }
}

/// Where the reference data comes from; shared by every command that needs it.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("catalogs"), help: ArgumentHelp("A folder of extra catalogue and crosswalk (.xml) files; repeatable. A catalogue of an already loaded framework replaces it; crosswalks load beside the bundled ones.", valueName: "dir"))
    var catalogDirectories: [String] = []

    @Flag(name: .customLong("no-bundled"), help: "Do not load the bundled catalogues and crosswalks.")
    var noBundled = false

    @Option(name: .customLong("date-overlay"), help: ArgumentHelp("A date overlay (XML) correcting acts and application dates, e.g. to follow the Official Journal; repeatable (Docs/CatalogFormat.md).", valueName: "file"))
    var dateOverlays: [String] = []

    @Option(name: .customLong("limit"), parsing: .singleValue,
            help: ArgumentHelp("Change an input limit, e.g. depth=128 or input-bytes=4G; repeatable. Names: \(InputLimits.Name.allCases.map(\.rawValue).joined(separator: ", ")) (Docs/Limits.md).",
                               valueName: "name=value"),
            transform: { (text: String) throws -> InputLimits.Setting in
                do throws(CrosswalkError) { return try InputLimits.Setting(parsing: text) } catch { throw ValidationError(error.diagnostics.first?.message ?? error.description) }
            })
    var limitSettings: [InputLimits.Setting] = []

    /// `base` with the `--limit` settings applied.
    func limits(_ base: InputLimits = .default) -> InputLimits { base.applying(limitSettings) }

    func load() throws -> Dataset {
        var extra: [InputFile] = []
        for dir in catalogDirectories { extra += try InputFile.xmlFiles(in: dir) }
        let overlays = try dateOverlays.map { try InputFile.read($0, maxBytes: limits().xml.maxInputBytes) }
        let data = try Dataset.load(bundled: !noBundled, extra: extra, dateOverlays: overlays, limits: limits())
        for w in data.warnings { printError(w.description) }
        return data
    }
}

/// Exit codes, documented in `Docs/ExitCodes.md`.
enum Exit {
    static let gapsFound = ExitCode(1)
    static let invalidInput = ExitCode(2)
    static let ioError = ExitCode(3)
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func writeStandardOutput(_ bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
}

/// Runs `body`, printing a `CrosswalkError`'s diagnostics and mapping it to an exit code.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CrosswalkError {
        printError(error.description)
        throw error.code == .ioError ? Exit.ioError : Exit.invalidInput
    }
}


/// The folder reports are written to, made when missing, with an error in our words (never
/// Foundation's "NSCocoaErrorDomain error 512").
enum OutputFolder {
    static func create(_ path: String) throws(CrosswalkError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { return }
            throw CrosswalkError(.ioError, "this is a file, not a folder; give a folder to write into", at: SourceLocation(file: path))
        }
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            let parent = (path as NSString).deletingLastPathComponent
            var parentIsFolder: ObjCBool = false
            let why = !parent.isEmpty && FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsFolder) && !parentIsFolder.boolValue
                ? "'\(parent)' is a file, not a folder" : "check that you may write to the folder that holds it"
            throw CrosswalkError(.ioError, "cannot create the output folder; \(why)", at: SourceLocation(file: path))
        }
    }
}

