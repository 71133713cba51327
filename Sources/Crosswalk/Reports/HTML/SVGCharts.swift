/// The report's charts, drawn as inline SVG from the context's figures (no script, no font
/// or image fetched). Text is XML-escaped.
enum SVGCharts {
    private static func esc(_ s: String) -> String { XMLWriter.escape(s, attribute: true) }
    private static func pct(_ r: Double) -> String { formatPercent(r) }

    private static func open(_ width: Int, _ height: Int, _ label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(esc(label))\" font-family=\"sans-serif\" font-size=\"12\">"
    }

    /// Readiness per framework: the obligations in force (scored) and the share of the
    /// framework's cells that apply only from a later date (in preparation).
    static func readiness(_ c: ReportContext) -> String {
        let rowH = 46, labelW = 110, barW = 420, width = labelW + barW + 190
        let height = 20 + rowH * max(c.frameworks.count, 1)
        var s = open(width, height, "Readiness per framework, in force and in preparation")
        for (i, f) in c.frameworks.enumerated() {
            let y = 10 + i * rowH
            let band = readinessColour(f.inForce.readiness)
            let w = Int((Double(barW) * f.inForce.readiness).rounded())
            s += "<text x=\"0\" y=\"\(y + 14)\" font-weight=\"bold\">\(esc(f.id.rawValue))</text>"
            s += "<rect x=\"\(labelW)\" y=\"\(y)\" width=\"\(barW)\" height=\"18\" fill=\"#eeeeee\"/>"
            s += "<rect x=\"\(labelW)\" y=\"\(y)\" width=\"\(w)\" height=\"18\" fill=\"#\(band.fill)\"/>"
            s += "<text x=\"\(labelW + barW + 8)\" y=\"\(y + 14)\">in force \(pct(f.inForce.readiness))</text>"
            // Preparation: readiness on the obligations not yet in force.
            let preparation = f.inForce.preparation ?? 0
            s += "<rect x=\"\(labelW)\" y=\"\(y + 22)\" width=\"\(barW)\" height=\"10\" fill=\"#eeeeee\"/>"
            s += "<rect x=\"\(labelW)\" y=\"\(y + 22)\" width=\"\(Int((Double(barW) * preparation).rounded()))\" height=\"10\" fill=\"#1565C0\"/>"
            let next = f.nextDate.map { " from \($0)" } ?? ""
            let label = f.upcomingCells == 0 ? "nothing upcoming" : "preparation \(pct(preparation)) of \(f.upcomingCells) upcoming\(next)"
            s += "<text x=\"\(labelW + barW + 8)\" y=\"\(y + 32)\" font-size=\"10\">\(esc(label))</text>"
        }
        return s + "</svg>"
    }

    /// A heatmap of systems (rows, first ``HTMLReport/heatmapSystems``) × frameworks (columns).
    static func heatmap(_ c: ReportContext) -> String {
        let shown = Array(c.systems.prefix(HTMLReport.heatmapSystems))
        let cellW = 110, cellH = 24, labelW = 250
        let width = labelW + cellW * max(c.frameworks.count, 1) + 10
        let height = 30 + cellH * max(shown.count, 1)
        var s = open(width, height, "Readiness of each AI system per framework")
        for (j, f) in c.frameworks.enumerated() {
            s += "<text x=\"\(labelW + j * cellW + cellW / 2)\" y=\"18\" text-anchor=\"middle\" font-weight=\"bold\">\(esc(f.id.rawValue))</text>"
        }
        for (i, sys) in shown.enumerated() {
            let y = 26 + i * cellH
            let label = sys.name.count > 36 ? String(sys.name.prefix(35)) + "…" : sys.name
            s += "<text x=\"0\" y=\"\(y + 16)\">\(esc(label))</text>"
            for (j, r) in sys.perFramework.enumerated() {
                let x = labelW + j * cellW
                if let r {
                    let band = readinessColour(r)
                    s += "<rect x=\"\(x + 2)\" y=\"\(y)\" width=\"\(cellW - 4)\" height=\"\(cellH - 2)\" fill=\"#\(band.fill)\"/>"
                    s += "<text x=\"\(x + cellW / 2)\" y=\"\(y + 16)\" text-anchor=\"middle\" fill=\"#\(band.ink)\">\(pct(r))</text>"
                } else {
                    s += "<rect x=\"\(x + 2)\" y=\"\(y)\" width=\"\(cellW - 4)\" height=\"\(cellH - 2)\" fill=\"#f5f5f5\"/>"
                    s += "<text x=\"\(x + cellW / 2)\" y=\"\(y + 16)\" text-anchor=\"middle\" fill=\"#757575\">—</text>"
                }
            }
        }
        return s + "</svg>"
    }

    /// Cells by status, overall and per framework, as stacked bars with a legend.
    static func statusBreakdown(_ c: ReportContext) -> String {
        let rows: [(String, ReportContext.Figures)] = [("overall", c.overall)] + c.frameworks.map { ($0.id.rawValue, $0.inForce) }
        let labelW = 110, barW = 520, rowH = 28
        let legendY = 10 + rowH * rows.count + 6
        let height = legendY + 22 * ((StatusStyle.all.count + 4) / 5) + 6
        var s = open(labelW + barW + 70, height, "Cells by status")
        for (i, (name, fig)) in rows.enumerated() {
            let y = 10 + i * rowH
            s += "<text x=\"0\" y=\"\(y + 14)\" font-weight=\"bold\">\(esc(name))</text>"
            let total = fig.total
            var x = Double(labelW)
            for (st, n) in fig.counts where n > 0 && total > 0 {
                let w = Double(barW) * Double(n) / Double(total)
                let style = StatusStyle(st)
                s += "<rect x=\"\(formatNumber((x * 10).rounded() / 10))\" y=\"\(y)\" width=\"\(formatNumber((w * 10).rounded() / 10))\" height=\"20\" fill=\"#\(style.fill)\"><title>\(esc(style.label)): \(n)</title></rect>"
                if w >= 24 { s += "<text x=\"\(formatNumber(((x + w / 2) * 10).rounded() / 10))\" y=\"\(y + 14)\" text-anchor=\"middle\" font-size=\"10\" fill=\"#\(style.ink)\">\(n)</text>" }
                x += w
            }
            s += "<text x=\"\(labelW + barW + 6)\" y=\"\(y + 14)\" font-size=\"10\">\(total) cells</text>"
        }
        for (k, (_, style)) in StatusStyle.all.enumerated() {
            let x = (k % 5) * 130, y = legendY + (k / 5) * 22
            s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"14\" fill=\"#\(style.fill)\" stroke=\"#999\" stroke-width=\"0.5\"/>"
            s += "<text x=\"\(x + 20)\" y=\"\(y + 12)\">\(esc(style.label))</text>"
        }
        return s + "</svg>"
    }
}

/// `28.5%`: one decimal, no locale.
func formatPercent(_ r: Double) -> String {
    let tenths = Int((r * 1000).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))%"
}
