extension OwnershipRule {
    /// ``assign(_:owners:evidence:)`` from the register: only the items that name an owner
    /// are made into values, with nothing but their owner and claims (all the rule reads).
    static func assign(_ groups: [ControlGroup], owners: [OwnerAssignment], evidence: EvidenceRegister) -> [GroupOwnership] {
        var owned: [Evidence] = []
        for i in evidence.indices where !evidence.owner(i).isEmpty {
            owned.append(Evidence(id: "", owner: evidence.owner(i), status: evidence.status(i),
                                  claims: evidence.claimRange(i).map { EvidenceClaim(requirement: evidence.requirements[evidence.claimRequirement($0)],
                                                                                    coverage: evidence.claimIsFull($0) ? .full : .partial) }))
        }
        return assign(groups, owners: owners, evidence: owned)
    }
}
