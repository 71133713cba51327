extension Deliverables {
    /// The deliverables of `assessment`: control groups with their owners, coordination
    /// findings, the ranked remediation plan, the Statements of Applicability and the AI
    /// register (`Docs/Deliverables.md`).
    ///
    /// Groups cover the requirements that apply somewhere (a cell that is neither
    /// `not-applicable`, `excluded` nor `undetermined`), anchored at the organisation's
    /// primary framework when it is in scope, else at the first framework assessed.
    /// - Parameters:
    ///   - assessment: the assessment.
    ///   - organization: the organisation assessed (its owners, decisions and evidence).
    ///   - dataset: the dataset it was assessed against (the crosswalk groups requirements).
    public init(_ assessment: Assessment, organization: Organization, dataset: Dataset) {
        self = Deliverables.build(assessment, organization: organization, dataset: dataset)
    }
}
