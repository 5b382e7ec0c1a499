import Foundation
import KasaneCore
import KasaneStorage

/// The data of agendas (次第) and minutes (議事録) for `KasaneDocuments`, cut to
/// their reader under the same rules as the API. Rendering an attendee's reading
/// is audited like a read of each case it shows.
extension TransactionalStorage {
    public func agendaDocument(meetingId: Int64, reading: DocumentReading, for actor: Actor) async throws -> MeetingDocument {
        try await audited(actor, "agenda.render", target: "meeting:\(meetingId)") { work, note in
            let loaded = try MeetingFunnel.visible(work, id: meetingId, for: actor, note: note)
            let visible = MeetingAccess.visibleItems(try CaseAccess.view(work, loaded), actor)
            let doc = try DocumentRules.document(work, loaded, reading: reading, visible: visible, minutes: nil, for: actor, now: note.at)
            if reading == .attendee {
                try MinutesRules.logCaseReads(work, actor, "agenda.render.case", meetingId: meetingId, codes: doc.items.compactMap(\.caseCode), at: note.at)
            }
            return doc
        }
    }

    public func minutesDocument(meetingId: Int64, version: Int? = nil, reading: DocumentReading, for actor: Actor) async throws
        -> MeetingDocument
    {
        try await audited(actor, "minutes.render", target: "meeting:\(meetingId)") { work, note in
            let loaded = try MinutesRules.visibleMinutesMeeting(work, id: meetingId, for: actor, note: note)
            let minutes = try MinutesRules.minutesView(work, loaded, version: version, reading: reading, for: actor)
            let visible = Set(minutes.items.filter { !$0.withheld }.map(\.itemId))
            let doc = try DocumentRules.document(work, loaded, reading: reading, visible: visible, minutes: minutes, for: actor, now: note.at)
            if reading == .attendee {
                try MinutesRules.logCaseReads(work, actor, "minutes.render.case", meetingId: meetingId, codes: doc.items.compactMap(\.caseCode), at: note.at)
            }
            return doc
        }
    }
}

/// A meeting's agenda or minutes as a document for one reading.
enum DocumentRules {
    static func document(
        _ work: any UnitOfWork, _ loaded: LoadedMeeting, reading: DocumentReading, visible: Set<Int64>, minutes: MinutesView?,
        for actor: Actor, now: Date
    ) throws -> MeetingDocument {
        let r = try MeetingFunnel.rendering(work, loaded)
        let material = try MeetingFunnel.material(r, for: actor, now: now)
        let attendeeReading = reading == .attendee
        let staff = r.staff
        func person(_ staffId: Int64, role: String) -> MeetingDocument.Person {
            let s = staff[staffId]
            return MeetingDocument.Person(
                name: attendeeReading ? s?.name : nil, agencyName: s.flatMap { r.agencyNames[$0.agencyId] } ?? "", roleName: role)
        }
        let minutesItems = Dictionary(uniqueKeysWithValues: (minutes?.items ?? []).map { ($0.itemId, $0) })
        let caseIds = loaded.items.filter { visible.contains($0.id ?? -1) }.compactMap(\.caseId)
        var cases: [Int64: SupportCase] = [:]
        var household: [Int64: [HouseholdMember]] = [:]
        for caseId in Set(caseIds) {
            cases[caseId] = try work.cases.supportCase(id: caseId)
            household[caseId] = try work.household.members(caseId: caseId)
        }
        let history = attendeeReading ? try previousDecisions(work, before: loaded.meeting, caseIds: caseIds, agencyNames: r.agencyNames) : [:]
        var plans: [Int64: SupportPlan] = [:]
        if attendeeReading {
            for caseId in caseIds { plans[caseId] = try work.plans.latestPlan(caseId: caseId).map { try PlanRules.plan(work, $0) } }
        }

        let items = material.items.map { item -> MeetingDocument.Item in
            let shown = visible.contains(item.id)
            var doc = MeetingDocument.Item(
                position: item.position, startsAt: item.startsAt, minutes: item.minutes, purposeName: shown ? item.purpose?.japaneseName : nil,
                caseCode: shown ? item.caseCode : nil, withheld: !shown)
            guard shown else { return doc }
            if loaded.meeting.kind == .multiLayeredSupportMeeting, let caseId = item.caseId {
                doc.consentNote = consentNote(r.view.consents[caseId] ?? [], on: loaded.meeting.day, agencyNames: r.agencyNames)
            }
            if attendeeReading, let caseId = item.caseId, let c = cases[caseId] {
                doc.caseSummary = c.summary
                doc.household = (household[caseId] ?? []).map(\.label)
                doc.previousDecisions = history[caseId] ?? []
                doc.planSummary = plans[caseId]?.summary
            }
            if let m = minutesItems[item.id] {
                doc.attendance = m.attendance.map { a in
                    let p = person(a.staffId, role: "")
                    return [p.name, p.agencyName].compactMap { $0 }.joined(separator: "（") + (p.name == nil ? "" : "）") + ": \(a.presence.japaneseName)"
                }
                doc.summary = attendeeReading ? m.summary : nil
                doc.decisions = m.decisions.map { MeetingDocument.DecisionLine(attendeeReading ? $0 : $0.withoutText, agencyNames: r.agencyNames) }
                doc.erased = attendeeReading && m.erased
            }
            return doc
        }
        let version = minutes.map { m in
            MeetingDocument.Version(
                number: m.version.version, stateName: m.version.stateName, approvedOn: m.version.approvedAt.map(LocalDate.inTokyo),
                approvedBy: attendeeReading ? m.version.approvedBy.flatMap { staff[$0]?.name } : nil, reason: m.version.reason, versionHash: m.version.versionHash)
        }
        let m = loaded.meeting
        return MeetingDocument(
            isMinutes: minutes != nil, reading: reading, kind: m.kind, municipalityName: r.settings.municipalityName,
            title: m.title(r.settings), fiscalYear: m.fiscalYear, number: m.number, startsAt: m.startsAt, endsAt: m.endsAt,
            place: m.place, chair: person(m.chairId, role: "議長"), secretariat: person(m.secretariatId, role: "事務局"),
            readerName: attendeeReading ? actor.staff?.name : nil,
            attendees: material.attendees.filter { $0.role != .chair }.map { person($0.staffId, role: $0.roleName) },
            items: items, version: version)
    }

    /// 同意: 令和8年6月1日取得（範囲: 社協、北部包括）／目的: 情報共有.
    static func consentNote(_ consents: [Consent], on day: LocalDate, agencyNames: [Int64: String]) -> String {
        let coverage = ConsentCoverage(consents: consents, on: day)
        guard !coverage.validConsents.isEmpty else { return "同意: なし（\(coverage.absenceReason ?? "有効な同意がありません")）" }
        return coverage.validConsents.map { c in
            let scope = switch c.scope {
            case .allMeetingMembers: "重層的支援会議の構成員すべて"
            case .agencies(let ids): ids.map { agencyNames[$0] ?? "機関ID \($0)" }.joined(separator: "、")
            }
            let until = c.expiresOn.map { "、\(JapaneseEra.dateName($0, weekday: false))まで" } ?? ""
            return "同意: \(JapaneseEra.dateName(c.givenOn, weekday: false))取得\(until)（範囲: \(scope)）／目的: \(c.purpose)"
        }.joined(separator: "\n")
    }

    /// What earlier meetings decided about each case, from their approved minutes,
    /// without the decisions' free text: `令和8年10月6日 支援会議 第3回: 見守り方針`.
    static func previousDecisions(_ work: any UnitOfWork, before meeting: Meeting, caseIds: [Int64], agencyNames: [Int64: String]) throws
        -> [Int64: [String]]
    {
        guard !caseIds.isEmpty else { return [:] }
        let rows = try work.minutes.lastApproved(ofMeetingsStartingBefore: meeting.startsAt)
        let meetings = Dictionary(
            try work.meetings.meetings(ids: rows.map(\.meetingId)).map(\.meeting).compactMap { m in m.id.map { ($0, m) } },
            uniquingKeysWith: { first, _ in first })
        let settings = try work.settings.settings()
        let wanted = Set(caseIds)
        var result: [Int64: [String]] = [:]
        for row in rows {
            guard let m = meetings[row.meetingId] else { continue }
            for item in try row.decodedRecord().items {
                guard let caseId = item.caseId, wanted.contains(caseId) else { continue }
                for d in item.decisions {
                    let line = MeetingDocument.DecisionLine(d.withoutText, agencyNames: agencyNames)
                    let details = line.details.isEmpty ? "" : "（\(line.details.joined(separator: "、"))）"
                    result[caseId, default: []].append("\(JapaneseEra.dateName(m.day, weekday: false)) \(m.title(settings)): \(line.kindName)\(details)")
                }
            }
        }
        return result
    }
}
