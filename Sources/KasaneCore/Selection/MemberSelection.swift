/// Proposes the attendees of a meeting for its cases, deterministically, explaining
/// every choice and every exclusion. The consent rule (重層的支援会議) and the pledge
/// rule (支援会議) are applied here, once, for every entry point.
public enum MemberSelection {
    public static let supportMeetingNeedsNoConsent =
        "支援会議（社会福祉法第106条の6）であれば本人同意は不要です。同意のない事例は支援会議で扱えます。"

    public static func propose(_ input: SelectionInput) -> MemberProposal {
        var builder = Builder(input: input)
        builder.run()
        return builder.proposal
    }

    /// One candidate before the rules are applied: a staff member, for one case or for
    /// every case (chair, secretariat), with the reasons so far.
    private struct Candidate {
        var staff: Staff
        var role: ProposedRole
        var reasons: [String]
    }

    private struct Builder {
        let input: SelectionInput
        let staffById: [Int64: Staff]
        let agencyById: [Int64: Agency]
        var members: [ProposedMember] = []
        var excluded: [ExcludedCandidate] = []
        var notes: [String] = []

        init(input: SelectionInput) {
            self.input = input
            staffById = Dictionary(input.staff.compactMap { s in s.id.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
            agencyById = Dictionary(input.agencies.compactMap { a in a.id.map { ($0, a) } }, uniquingKeysWith: { a, _ in a })
        }

        var kind: MeetingKind { input.request.kind }
        var cases: [SelectionInput.CaseContext] {
            input.cases.sorted { $0.supportCase.code < $1.supportCase.code }
        }

        var proposal: MemberProposal {
            MemberProposal(
                kind: kind, date: input.date, caseCodes: cases.map(\.supportCase.code),
                members: members.enumerated().sorted { ($0.element.role, $0.offset) < ($1.element.role, $1.offset) }
                    .map(\.element),
                excluded: excluded, notes: notes)
        }

        mutating func run() {
            addPresiding(id: input.request.chairId, role: .chair, requiredRole: .coordinator, label: "議長")
            addPresiding(id: input.request.secretariatId, role: .secretariat, requiredRole: .secretariat, label: "事務局")
            for context in cases {
                addMembers(for: context)
            }
            if kind == .multiLayeredSupportMeeting, excluded.contains(where: { $0.reason.contains("本人同意") }) {
                notes.append(MemberSelection.supportMeetingNeedsNoConsent)
            }
        }

        // MARK: chair and secretariat

        mutating func addPresiding(id: Int64?, role: ProposedRole, requiredRole: StaffRole, label: String) {
            let chosen: Staff?
            let reason: String
            if let id, let staff = staffById[id] {
                chosen = staff
                reason = "\(label)（指定）"
            } else {
                chosen = input.staff.filter { $0.active && $0.has(requiredRole) }.min { ($0.id ?? 0) < ($1.id ?? 0) }
                reason = "\(label)（\(requiredRole.japaneseName)の職員から自動選定）"
            }
            guard let staff = chosen else {
                notes.append("\(label)となる\(requiredRole.japaneseName)の職員が登録されていません。")
                return
            }
            // The chair and the secretariat hear every case: each case's rule must allow them.
            let refusals = cases.compactMap { context in
                refusal(of: staff, for: context).map { (context.supportCase.code, $0) }
            }
            if let manual = manualExclusion(of: staff) {
                exclude(staff, caseCode: nil, reason: manual)
                notes.append("\(label)が手動で除外されたため、\(label)を指定し直してください。")
            } else if refusals.isEmpty {
                let reasons = cases.map { CaseReasons(caseCode: $0.supportCase.code, reasons: [reason]) }
                upsert(staff, role: role, cases: reasons)
            } else {
                for (code, why) in refusals { exclude(staff, caseCode: code, reason: "\(label)として: \(why)") }
                notes.append("\(label)（\(staff.name)）が出席できない事例があります。\(label)を変更するか、事例を見直してください。")
            }
        }

        // MARK: one case

        mutating func addMembers(for context: SelectionInput.CaseContext) {
            let c = context.supportCase
            let code = c.code
            if c.status.isClosed {
                notes.append("\(code)は\(c.status.japaneseName)の事例です。")
            }
            if kind == .multiLayeredSupportMeeting {
                let coverage = ConsentCoverage(consents: context.consents, on: input.date)
                if let absence = coverage.absenceReason {
                    notes.append("\(code): \(absence)。重層的支援会議では扱えません。")
                }
            }

            // Agencies around the case, in a fixed order, with why each is there.
            var order: [Int64] = []
            var reasons: [Int64: [String]] = [:]
            func note(_ agencyId: Int64, _ reason: String) {
                if reasons[agencyId] == nil { order.append(agencyId) }
                reasons[agencyId, default: []].append(reason)
            }
            if let lead = c.leadAgencyId { note(lead, "主担当機関") }
            if let referring = c.referringAgencyId { note(referring, "つないだ機関") }
            for id in c.involvedAgencyIds.sorted() { note(id, "関与中の機関") }

            let districtName = input.districtNames[c.district] ?? c.district
            for field in c.fields {
                if let agency = agencyFor(field: field, in: c) {
                    let where_ = agency.servesWholeCity ? "市内全域を担当" : "\(districtName)を担当"
                    let already = c.involves(agency: agency.id!) ? "・関与中" : ""
                    note(agency.id!, "分野「\(field.rawValue)」（\(where_)\(already)）")
                } else {
                    notes.append("\(code): 分野「\(field.rawValue)」を\(districtName)で担う機関が登録されていません。")
                }
            }

            for agencyId in order {
                guard let agency = agencyById[agencyId] else { continue }
                if let manual = input.request.exclusions.first(where: { $0.agencyId == agencyId }) {
                    excluded.append(ExcludedCandidate(
                        staffId: nil, staffName: nil, agencyId: agencyId, agencyName: agency.name, caseCode: code,
                        reason: "手動除外: \(manual.reason)"))
                    continue
                }
                guard let (staff, why) = representative(of: agency, for: context) else {
                    excluded.append(ExcludedCandidate(
                        staffId: nil, staffName: nil, agencyId: agencyId, agencyName: agency.name, caseCode: code,
                        reason: "有効な職員が登録されていないため出席者を決められません"))
                    continue
                }
                consider(staff, for: context, reasons: (reasons[agencyId] ?? []) + [why])
            }

            for addition in input.request.additions where addition.caseIds?.contains(c.id!) ?? true {
                guard let staff = staffById[addition.staffId] else { continue }
                guard staff.active else {
                    exclude(staff, caseCode: code, reason: "無効（退職・異動など）の職員のため追加できません")
                    continue
                }
                consider(staff, for: context, reasons: ["手動追加: \(addition.reason)"])
            }
        }

        /// The agency that covers `field` in the case's district: one already involved
        /// first, then one serving that district rather than the whole city, then by id.
        func agencyFor(field: Field, in c: SupportCase) -> Agency? {
            input.agencies
                .filter { $0.fields.contains(field) && $0.serves(district: c.district) }
                .min { a, b in
                    let ka = (c.involves(agency: a.id!) ? 0 : 1, a.servesWholeCity ? 1 : 0, a.id!)
                    let kb = (c.involves(agency: b.id!) ? 0 : 1, b.servesWholeCity ? 1 : 0, b.id!)
                    return ka < kb
                }
        }

        /// Who speaks for the agency: the staff assigned to the case, else the agency's
        /// default contact, else its first active member.
        func representative(of agency: Agency, for context: SelectionInput.CaseContext) -> (Staff, String)? {
            if let assignment = context.assignments.first(where: { $0.agencyId == agency.id }),
               let staff = staffById[assignment.staffId], staff.active {
                return (staff, "事例の担当者")
            }
            if let id = agency.defaultContactId, let staff = staffById[id], staff.active {
                return (staff, "機関の既定の連絡先")
            }
            let fallback = input.staff
                .filter { $0.agencyId == agency.id && $0.active && $0.has(.member) }
                .min { ($0.id ?? 0) < ($1.id ?? 0) }
            return fallback.map { ($0, "機関の職員（担当者・既定の連絡先が未登録）") }
        }

        /// Applies the manual exclusions and the rule of the meeting kind, then adds.
        mutating func consider(_ staff: Staff, for context: SelectionInput.CaseContext, reasons: [String]) {
            let code = context.supportCase.code
            if let manual = manualExclusion(of: staff) {
                exclude(staff, caseCode: code, reason: manual)
            } else if let why = refusal(of: staff, for: context) {
                exclude(staff, caseCode: code, reason: why)
            } else {
                upsert(staff, role: .member, cases: [CaseReasons(caseCode: code, reasons: reasons)])
            }
        }

        /// Why the law keeps this staff member out of this case's item, if it does.
        func refusal(of staff: Staff, for context: SelectionInput.CaseContext) -> String? {
            guard staff.active else { return "無効（退職・異動など）の職員です" }
            switch kind {
            case .supportMeeting:
                return input.pledgedStaffIds.contains(staff.id!)
                    ? nil : "守秘義務の確認（社会福祉法第106条の6第5項）が記録されていません"
            case .multiLayeredSupportMeeting:
                let coverage = ConsentCoverage(consents: context.consents, on: input.date)
                if let absence = coverage.absenceReason { return absence }
                return coverage.covers(agency: staff.agencyId) ? nil : "本人同意の対象外の機関です"
            }
        }

        func manualExclusion(of staff: Staff) -> String? {
            input.request.exclusions
                .first { $0.staffId == staff.id || $0.agencyId == staff.agencyId }
                .map { "手動除外: \($0.reason)" }
        }

        mutating func exclude(_ staff: Staff, caseCode: String?, reason: String) {
            let entry = ExcludedCandidate(
                staffId: staff.id, staffName: staff.name, agencyId: staff.agencyId,
                agencyName: agencyById[staff.agencyId]?.name ?? "", caseCode: caseCode, reason: reason)
            if !excluded.contains(entry) { excluded.append(entry) }
        }

        mutating func upsert(_ staff: Staff, role: ProposedRole, cases newCases: [CaseReasons]) {
            if let i = members.firstIndex(where: { $0.staffId == staff.id }) {
                members[i].role = min(members[i].role, role)
                for entry in newCases {
                    if let j = members[i].cases.firstIndex(where: { $0.caseCode == entry.caseCode }) {
                        for r in entry.reasons where !members[i].cases[j].reasons.contains(r) {
                            members[i].cases[j].reasons.append(r)
                        }
                    } else {
                        members[i].cases.append(entry)
                    }
                }
            } else {
                members.append(ProposedMember(
                    staffId: staff.id!, staffName: staff.name, agencyId: staff.agencyId,
                    agencyName: agencyById[staff.agencyId]?.name ?? "", role: role, cases: newCases))
            }
        }
    }
}
