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
    public var progress: (@Sendable (Double) -> Void)?

    public init(asOf: CalendarDate, dueSoonDays: Int = 30, frameworks: [FrameworkID]? = nil, progress: (@Sendable (Double) -> Void)? = nil) {
        self.asOf = asOf
        self.dueSoonDays = dueSoonDays
        self.frameworks = frameworks
        self.progress = progress
    }
}
