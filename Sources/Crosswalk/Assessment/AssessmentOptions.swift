/// Options of one assessment run.
public struct AssessmentOptions: Sendable {
    /// The as-of date: evidence validity and application dates are judged at it.
    public var asOf: CalendarDate
    /// Evidence expiring within this many days after ``asOf`` is `due-soon`.
    public var dueSoonDays: Int
    /// Frameworks to assess; nil for the organisation's scope.
    public var frameworks: [FrameworkID]?

    public init(asOf: CalendarDate, dueSoonDays: Int = 30, frameworks: [FrameworkID]? = nil) {
        self.asOf = asOf
        self.dueSoonDays = dueSoonDays
        self.frameworks = frameworks
    }
}
