import Foundation
import KasaneCore
import KasaneStorage

/// A standing series as made or read: its meetings, and each occurrence that moved
/// around a holiday or closure, or was skipped.
public struct SeriesView: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var ruleDay: LocalDate
        public var day: LocalDate?
        public var closure: String?
        public var meetingId: Int64?
        public var status: MeetingStatus?
        /// 祝日のため翌開庁日に移動 / 祝日のため休み, in words.
        public var change: String?
    }

    public var id: Int64
    public var kind: MeetingKind
    public var rule: SeriesInput
    public var cancelled: Bool
    public var entries: [Entry]
}

extension TransactionalStorage {
    /// Creates every meeting of a standing series at once (coordinator), each through the
    /// one meeting funnel; refused whole if any one would be (a taken room, a rule).
    public func createSeries(_ input: SeriesInput, by actor: Actor) async throws -> SeriesView {
        try await audited(actor, "series.create", target: "series") { work, note in
            try Access.require(.manageMeetings, actor)
            let settings = try work.settings.settings()
            let occurrences = try input.occurrences(WorkingCalendar(settings: settings))
            guard occurrences.contains(where: { $0.day != nil }) else {
                throw KasaneError.invalid(field: "from", message: "その期間には、この規則に当たる開催日がありません。")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let seriesId = try work.series.insert(
                kind: input.kind, rule: String(decoding: try encoder.encode(input), as: UTF8.self), createdBy: actor.staffId, at: note.at)
            note.target = "series:\(seriesId)"
            for occurrence in occurrences {
                guard let day = occurrence.day else { continue }
                let meeting = try MeetingMaking.insert(
                    work,
                    MeetingInput(
                        kind: input.kind, startsAt: day.instant(minutesAfterMidnight: input.startTime.minutes),
                        endsAt: day.instant(minutesAfterMidnight: input.endTime.minutes), place: input.place ?? "",
                        proposalId: input.proposalId, items: input.items, roomId: input.roomId),
                    by: actor, note: AuditNote(target: "series:\(seriesId)", at: note.at))
                try work.series.add(meetingId: meeting.id, to: seriesId)
            }
            return try SeriesRules.view(work, id: seriesId)
        }
    }

    public func series(id: Int64, for actor: Actor) async throws -> SeriesView {
        try await audited(actor, "series.read", target: "series:\(id)") { work, _ in
            try Access.require(.manageMeetings, actor)
            return try SeriesRules.view(work, id: id)
        }
    }

    /// Cancels the series: its future meetings are cancelled (invitations follow), its
    /// past ones stay as they were.
    public func cancelSeries(id: Int64, _ input: CancellationInput, by actor: Actor) async throws -> SeriesView {
        try await audited(actor, "series.cancel", target: "series:\(id)") { work, note in
            let now = note.at
            try Access.require(.manageMeetings, actor)
            let view = try SeriesRules.view(work, id: id)
            guard !view.cancelled else { throw KasaneError.conflict("この定例はすでに中止されています。") }
            let reason = try Validate.text(input.reason, field: "reason", label: "中止の理由", max: 500)
            let future = try work.series.meetings(seriesId: id)
                .filter { $0.startsAt > now && ($0.status == .planned || $0.status == .invited) }
                .sorted { $0.startsAt < $1.startsAt }.compactMap(\.id)
            for meetingId in future {
                _ = try MeetingFunnel.change(work, id: meetingId, by: actor, note: note, records: [(.cancelled, nil, reason)]) { before in
                    var m = before.meeting
                    m.status = .cancelled
                    m.cancellationReason = reason
                    try work.meetings.update(m)
                }
            }
            try work.series.cancel(id: id, at: now)
            return try SeriesRules.view(work, id: id)
        }
    }
}

enum SeriesRules {
    static func view(_ work: any UnitOfWork, id: Int64) throws -> SeriesView {
        guard let row = try work.series.series(id: id) else {
            throw KasaneError.notFound("定例（ID \(id)）はありません。")
        }
        let rule: SeriesInput
        do {
            rule = try JSONDecoder().decode(SeriesInput.self, from: Data(row.rule.utf8))
        } catch {
            throw KasaneError.unusableDatabase("定例（ID \(id)）の記録が読めません。")
        }
        let meetings = try work.series.meetings(seriesId: id)
        let calendar = WorkingCalendar(settings: try work.settings.settings())
        // A rule was checked when the series was made and is checked the same way now; one that
        // no longer passes was changed in storage, and is said so rather than shown as empty.
        let occurrences: [SeriesInput.Occurrence]
        do {
            occurrences = try rule.occurrences(calendar)
        } catch {
            throw KasaneError.unusableDatabase("定例（ID \(id)）の規則が読めません。")
        }
        let entries = occurrences.map { o -> SeriesView.Entry in
            let meeting = o.day.flatMap { day in meetings.first { LocalDate.inTokyo($0.startsAt) == day } }
            let change: String? = o.closure.map { closure in
                o.day.map { "\(o.ruleDay)は\(closure)のため\($0)に移動" } ?? "\(o.ruleDay)は\(closure)のため休み"
            }
            return SeriesView.Entry(ruleDay: o.ruleDay, day: o.day, closure: o.closure, meetingId: meeting?.id, status: meeting?.status, change: change)
        }
        return SeriesView(id: id, kind: row.kind, rule: rule, cancelled: row.cancelledAt != nil, entries: entries)
    }
}
