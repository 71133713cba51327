/// A legal act that sets application dates: the EU AI Act as adopted, an amending act such
/// as the Digital Omnibus on AI, or an act a user declares in a date overlay.
///
/// Catalogues declare acts in `back-matter` resources (`Docs/CatalogFormat.md`); every
/// ``ApplicationDate`` names the act that set it, so a date can be applied only while that
/// act is in force.
public struct LegalAct: Sendable, Hashable {
    /// Whether the act's identity and dates are confirmed from the Official Journal.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Checked against the text published in the Official Journal.
        case published
        /// Seen only in secondary sources (press releases, practitioner analyses): the
        /// number, Official Journal reference and entry-into-force date are as reported.
        case reported
    }

    /// A token naming the act in the catalogue (`eu-ai-act-2024`, `digital-omnibus-ai`).
    public var id: String
    /// The act's name (`Regulation (EU) 2024/1689 (Artificial Intelligence Act)`).
    public var title: String
    /// The Official Journal reference, as confirmed or as reported.
    public var citation: String
    /// The day the act entered (or, as reported, enters) into force: its dates apply
    /// only to an as-of date on or after this day.
    public var entryIntoForce: CalendarDate
    public var status: Status

    public init(id: String, title: String, citation: String = "", entryIntoForce: CalendarDate, status: Status = .published) {
        self.id = id
        self.title = title
        self.citation = citation
        self.entryIntoForce = entryIntoForce
        self.status = status
    }

    /// `title (citation, in force from YYYY-MM-DD)`, with "as reported" when not confirmed.
    public var summary: String {
        let cite = citation.isEmpty ? "" : citation + ", "
        return "\(title) (\(cite)in force from \(entryIntoForce)\(status == .reported ? ", as reported" : ""))"
    }
}
