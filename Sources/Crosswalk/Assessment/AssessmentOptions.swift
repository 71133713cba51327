/// Options of one assessment run.
public struct AssessmentOptions: Sendable {
    /// The as-of date: evidence validity and application dates are judged at it.
    public var asOf: CalendarDate
    /// Evidence expiring within this many days after ``asOf`` is `due-soon`.
    public var dueSoonDays: Int
    /// Frameworks to assess; nil for the organisation's scope.
    public var frameworks: [FrameworkID]?
    /// Called with the fraction of requirements assessed (0…1), at most once per percent and
    /// never concurrently; for progress displays. It does not change the result.
    /// To follow it as an `AsyncSequence`, yield into a stream:
    /// `let (updates, sink) = AsyncStream.makeStream(of: Double.self)` and
    /// `progress: { sink.yield($0) }`.
    public var progress: (@Sendable (Double) -> Void)?
    /// The most chunks ``Dataset/assess(_:options:)`` works on at once; nil (the default) for
    /// the active processor count. Never more than that: one limiter shared by the process
    /// caps every run. It does not change the result.
    public var maxConcurrency: Int?
    /// The most evidence ids a cell lists (its ``Cell/evidence`` and the item lists of its
    /// reason), in register order; the rest are counted in ``Cell/evidenceOmitted``. 0: no cap.
    /// Keeps reports in proportion when one organisation-wide process reaches thousands of
    /// per-system cells (`Docs/Scoring.md`, "Evidence per cell").
    public var evidencePerCell = 20
    /// The most binding systems an organisation-wide cell's ``Cell/applicability`` names, in
    /// inventory order; it then says "and N more systems". 0: no cap. An EU AI Act obligation
    /// such as Art. 4 binds every provider and deployer: at 10,000 systems the full list
    /// was hundreds of kilobytes in every report (`Docs/Scoring.md`, "Evidence per cell").
    public var systemsPerApplicability = 20

    public init(asOf: CalendarDate, dueSoonDays: Int = 30, frameworks: [FrameworkID]? = nil, maxConcurrency: Int? = nil,
                progress: (@Sendable (Double) -> Void)? = nil) {
        self.asOf = asOf
        self.dueSoonDays = dueSoonDays
        self.frameworks = frameworks
        self.maxConcurrency = maxConcurrency
        self.progress = progress
    }
}
