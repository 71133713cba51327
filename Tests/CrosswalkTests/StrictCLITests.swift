import Foundation
import Testing
@testable import Crosswalk

/// Options that fail loudly and `validate` on organisations, through the built binary.
@Suite("Command line: strict options and validate")
struct StrictCLITests {
    let cli = CLITests()

    @Test func validateChecksAnOrganisationFile() throws {
        let ok = try cli.run(["validate", Repo.path("Fixtures/sample/insurer.xml")])
        #expect(ok.status == 0 && ok.out.contains("ok: organisation 'Northwind Mutual Insurance', 6 systems, 51 evidence items"), "\(ok.err)")
        let path = Repo.path("Fixtures/organizations/located-references.xml")
        let bad = try cli.run(["validate", path])
        // The same lines assess prints.
        let assess = try cli.run(["assess", path])
        #expect(bad.status == 2 && assess.status == 2 && bad.err == assess.err)
        #expect(bad.err.contains("\(path):17:") && bad.err.contains("\(path):19:") && bad.err.contains("\(path):23:"))
        // Catalogues and organisations together.
        let mixed = try cli.run(["validate", Repo.path("Catalogs/iso42001.xml"), Repo.path("Fixtures/sample/insurer.xml")])
        #expect(mixed.status == 0 && mixed.out.contains("ok: catalog iso42001") && mixed.out.contains("ok: organisation"))
    }

    @Test func validateChecksCSVImportsWithAssessesErrors() throws {
        let sys = Repo.path("Fixtures/csv/systems.csv"), ev = Repo.path("Fixtures/csv/evidence.csv")
        let ok = try cli.run(["validate", "--systems-csv", sys, "--evidence-csv", ev])
        #expect(ok.status == 0 && ok.out.contains("8 systems, 53 evidence items"), "\(ok.err)")
        let cp = Repo.path("Fixtures/csv/systems-windows-1252.csv")
        let bad = try cli.run(["validate", "--systems-csv", cp])
        let assess = try cli.run(["assess", "--systems-csv", cp])
        #expect(bad.status == 2 && bad.err == assess.err && bad.err.contains("\(cp):2:8: error: the file is not UTF-8") && bad.err.contains("[csv-encoding]"))
        let status = Repo.path("Fixtures/csv/evidence-missing-status.csv")
        let noStatus = try cli.run(["validate", "--evidence-csv", status])
        #expect(noStatus.status == 2 && noStatus.err.contains("\(status):3:5: error: 'status' is empty"))
        let semicolon = try cli.run(["validate", "--systems-csv", Repo.path("Fixtures/csv/systems-semicolon.csv")])
        #expect(semicolon.status == 0)
        let nothing = try cli.run(["validate"])
        #expect(nothing.status == 64)
    }

    @Test func formatsAreTypedAndListTheirValues() throws {
        for args in [["coverage", "--from", "iso42001", "--to", "iso27001", "--format", "json"], ["owners", "--format", "json"],
                     ["remediation", "--format", "xlsx"], ["map", "iso42001:A.6.2.4", "--format", "yaml"], ["export", "catalog", "iso42001", "--format", "json"]] {
            let r = try cli.run(args)
            #expect(r.status == 64 && r.err.contains("Please provide one of"), "\(args): \(r.err)")
        }
        let help = try cli.run(["owners", "--help"])
        #expect(help.out.contains("values: table, csv"))
    }

    @Test func derivedIsRefusedForOSCAL() throws {
        let r = try cli.run(["export", "mappings", "--format", "oscal", "--derived"])
        #expect(r.status == 64 && r.err.contains("--derived works with --format csv only") && r.out.isEmpty)
        #expect(try cli.run(["export", "mappings", "--format", "csv", "--derived"]).status == 0)
    }

    @Test func unknownFrameworksAreErrorsNamingTheLoadedOnes() throws {
        for args in [["map", "iso42001:A.6.2.4", "--to", "nist"], ["map", "nist:GOVERN 1.1"], ["coverage", "--from", "iso42001", "--to", "nist"],
                     ["show", "nist"], ["assess", "--frameworks", "iso42001,nist"], ["export", "catalog", "nist"]] {
            let r = try cli.run(args)
            #expect(r.status == 2 && r.err.contains("unknown framework 'nist'") && r.err.contains("loaded: eu-ai-act, iso27001, iso42001, nist-ai-rmf"), "\(args): \(r.err)")
        }
        for list in ["", ",", "iso42001,"] {
            let r = try cli.run(["assess", "--frameworks", list])
            #expect(r.status == 2 && r.err.contains("names no framework"), "'\(list)': \(r.err)")
        }
    }

    @Test func versionAndBadNumbers() throws {
        let v = try cli.run(["--version"])
        #expect(v.status == 0 && v.out.hasPrefix("crosswalk "))
        #expect(try cli.run(["assess", "--due-soon-days", "-1"]).status == 64)
        #expect(try cli.run(["remediation", "--top", "0"]).status == 64)
    }

    @Test func foldersAndFilesInTheWrongPlaceSaySo() throws {
        let folder = try cli.run(["assess", Repo.path("Fixtures/sample")])
        #expect(folder.status == 3 && folder.err.contains("this is a folder, not a file"))
        let validateFolder = try cli.run(["validate", Repo.path("Fixtures/sample")])
        #expect(validateFolder.status == 3 && validateFolder.err.contains("this is a folder, not a file"))
        let underAFile = try cli.run(["assess", "--out", Repo.path("README.md") + "/reports"])
        #expect(underAFile.status == 3 && underAFile.err.contains("is a file, not a folder"))
        let outIsAFile = try cli.run(["assess", "--out", Repo.path("README.md")])
        #expect(outIsAFile.status == 3 && outIsAFile.err.contains("this is a file, not a folder"))
        let catalogsFile = try cli.run(["catalogs", "--catalogs", Repo.path("README.md")])
        #expect(catalogsFile.status == 3 && catalogsFile.err.contains("not a folder"))
        for r in [folder, validateFolder, underAFile, outIsAFile, catalogsFile] {
            #expect(!r.err.contains("NSCocoaErrorDomain") && !r.err.contains("The operation could not be completed") && !r.err.contains("Error Domain"))
        }
    }
}

extension StrictCLITests {
    @Test func everyOutputFolderIsCheckedInOurWords() throws {
        let r = try cli.run(["export", "ciso-assistant", "--out", Repo.path("README.md") + "/x"])
        #expect(r.status == 3 && r.err.contains("is a file, not a folder") && !r.err.contains("NSCocoaErrorDomain") && !r.err.contains("could not be completed"))
    }
}
