import Testing
@testable import Crosswalk

@Suite("CSV writer")
struct CSVTests {
    func csv(_ fields: [String]) -> String {
        var w = CSVWriter()
        w.row(fields)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    @Test func quotesPerRFC4180() {
        #expect(csv(["a", "b c", ""]) == "a,b c,\r\n")
        #expect(csv(["x,y", "say \"hi\"", "two\nlines"]) == "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
        #expect(csv(["Art. 26(1)", "é ü 中"]) == "Art. 26(1),é ü 中\r\n")
    }

    @Test(arguments: ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
    func neutralisesFormulas(_ cell: String) {
        let out = csv([cell])
        #expect(out.hasPrefix("'") || out.hasPrefix("\"'"), "\(out.debugDescription)")
    }

    @Test func leavesNumbersAlone() {
        var w = CSVWriter()
        w.number(-3)
        w.number(0.125, decimals: 2)
        w.number(-0.5, decimals: 1)
        w.endRow()
        #expect(String(decoding: w.bytes, as: UTF8.self) == "-3,0.13,-0.5\r\n")
    }

    @Test func exportsWholeCatalogueInOrder() throws {
        let c = try #require(Shared.dataset.catalogs.catalog(.iso42001))
        let text = String(decoding: CatalogExport.csv(c), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == c.entries.count + 1)
        #expect(lines[0] == CatalogExport.columns.joined(separator: ","))
        #expect(lines[1].hasPrefix("iso42001,4,clause,,"))
        #expect(lines.contains { $0.hasPrefix("iso42001,A.6.2.4,control,A.6.2,") })
    }
}
