import Foundation
import KasaneCore
import KasaneStorage

/// The answer to a search for a time, with the people it speaks of.
public struct SlotSearchAnswer: Codable, Sendable, Equatable {
    public struct Person: Codable, Sendable, Equatable {
        public var staffId: Int64
        public var name: String
        public var agencyName: String
        public var required: Bool
        /// Whether Kasane holds their own calendar (else only their Kasane meetings count).
        public var calendarUploaded: Bool
    }

    public struct Candidate: Codable, Sendable, Equatable {
        public var startsAt: Date
        public var endsAt: Date
        public var free: [Int64]
        public var busy: [Int64]
        /// Required people who cannot come, by name: empty when everyone required can.
        public var missing: [String]
        public var preferredTime: Bool
        public var outsideOfficeHours: Bool
        /// The closure that day, for a search asked to look at any time.
        public var closedDay: String?
        /// A room free then that fits (a meeting room before an online one), if any.
        public var roomId: Int64?
        public var roomName: String?
    }

    public var complete: Bool
    public var earliestDay: LocalDate
    public var daysSearched: Int
    public var people: [Person]
    public var candidates: [Candidate]
    public var notices: [String]
}

extension TransactionalStorage {
    /// Finds candidate times for a meeting: every person's busy time (their own
    /// calendar, and their Kasane meetings with the city's buffer around them), the
    /// working calendar and the minimum notice, through `SlotSearch`.
    public func searchSlots(_ request: SlotSearchRequest, by actor: Actor) async throws -> SlotSearchAnswer {
        try await audited(actor, "schedule.search", target: "schedule") { work, note in
            let now = note.at
            try Access.require(.manageMeetings, actor)
            let settings = try work.settings.settings()
            let (minutes, from, to, count) = try request.validated(today: LocalDate.today(now: now))
            let (required, optional, staff) = try SchedulingRules.people(
                work, kind: request.kind, proposalId: request.proposalId, required: request.required, optional: request.optional)
            let everyone = required + optional
            let start = from.instant()
            let end = to.adding(days: 1).instant()
            var busy = try work.scheduling.uploadedBusy(staffIds: everyone, from: start, to: end)
            let buffer = TimeInterval(settings.schedulingRules.bufferMinutes * 60)
            for (staffId, interval) in try work.scheduling.meetingTimes(
                staffIds: everyone, from: start.addingTimeInterval(-buffer), to: end.addingTimeInterval(buffer), excluding: nil)
            {
                busy[staffId, default: []].append(BusyInterval(start: interval.start.addingTimeInterval(-buffer), end: interval.end.addingTimeInterval(buffer)))
            }
            // With a room needed, ask the sweep for more and keep those a room is free for.
            var input = SlotSearch.Input(
                kind: request.kind, required: required, optional: optional, minutes: minutes, from: from, to: to,
                preferred: request.preferred ?? [], urgent: request.urgent ?? false, count: request.room == nil ? count : min(count * 8, 160),
                busy: busy.mapValues(BusyInterval.merged), settings: settings, now: now)
            input.anyTime = request.anyTime ?? false
            var result = SlotSearch.search(input)
            let need = request.room ?? SlotSearchRequest.RoomNeed()
            let rooms = try work.rooms.rooms().filter(\.active)
                .filter { need.fits($0, people: everyone.count) }.sorted { ($0.online ? 1 : 0, $0.capacity ?? 0) < ($1.online ? 1 : 0, $1.capacity ?? 0) }
            let bookings = try work.scheduling.roomBookings(from: start, to: end)
            func freeRoom(_ c: SlotSearch.Candidate) -> Room? {
                rooms.first { room in
                    room.online || !bookings.contains { $0.roomId == room.id && $0.interval.start < c.endsAt && c.startsAt < $0.interval.end }
                }
            }
            var roomed = result.candidates.map { ($0, freeRoom($0)) }
            if request.room != nil {
                // Only times a room is free, spread over days like any search (not five starts 15 minutes apart).
                let withRoom = SlotSearch.spread(roomed.filter { $0.1 != nil }.map(\.0), count: count)
                roomed = withRoom.map { ($0, freeRoom($0)) }
                result.candidates = withRoom
                if roomed.isEmpty { result.notices.append("条件に合う部屋が空いている候補はありませんでした。部屋の条件か期間を変えてください。") }
            }

            let uploaded = try work.scheduling.calendarOwners()
            let agencies = try MeetingFunnel.agencyNames(work)
            let byId = Dictionary(uniqueKeysWithValues: staff.compactMap { s in s.id.map { ($0, s) } })
            let people = everyone.compactMap { id in
                byId[id].map { s in
                    SlotSearchAnswer.Person(
                        staffId: id, name: s.name, agencyName: agencies[s.agencyId] ?? "", required: required.contains(id),
                        calendarUploaded: uploaded.contains(id))
                }
            }
            var notices = result.notices
            let without = people.filter { !$0.calendarUploaded }.count
            if without > 0 {
                notices.append("\(without)人は予定表を取り込んでいないため、Kasaneの会議だけで空き時間を判断しています。")
            }
            return SlotSearchAnswer(
                complete: result.complete, earliestDay: result.earliestDay, daysSearched: result.daysSearched, people: people,
                candidates: roomed.map { c, room in
                    SlotSearchAnswer.Candidate(
                        startsAt: c.startsAt, endsAt: c.endsAt, free: c.free, busy: c.busy,
                        missing: c.requiredBusy.compactMap { byId[$0]?.name }, preferredTime: c.preferredTime,
                        outsideOfficeHours: c.outsideOfficeHours, closedDay: c.closedDay, roomId: room?.id, roomName: room?.name)
                },
                notices: notices)
        }
    }
}

/// Who a search, a booking or a poll is about, and whether they are still free.
public enum SchedulingRules {
    /// The people a search or a poll is about: the stored proposal's members and those
    /// listed as required, then the optional ones not already required; each an active
    /// staff member (else a 404 naming the id).
    public static func people(_ work: any UnitOfWork, kind: MeetingKind, proposalId: Int64?, required: [Int64]?, optional: [Int64]?) throws
        -> (required: [Int64], optional: [Int64], staff: [Staff])
    {
        var mustCome = required ?? []
        if let proposalId {
            let stored = try SelectionRules.stored(work, id: proposalId)
            guard stored.proposal.kind == kind else {
                throw KasaneError.invalid(field: "proposalId", message: "構成員の提案（ID \(proposalId)）は\(stored.proposal.kind.legalName)のものです。")
            }
            mustCome += stored.proposal.members.map(\.staffId)
        }
        mustCome = unique(mustCome)
        let mayCome = unique(optional ?? []).filter { !mustCome.contains($0) }
        let wanted = Set(mustCome + mayCome)
        let staff = try work.staff.staff(agencyId: nil).filter { $0.active && wanted.contains($0.id ?? -1) }
        let known = Set(staff.compactMap(\.id))
        if let unknown = (mustCome + mayCome).first(where: { !known.contains($0) }) {
            throw KasaneError.notFound("職員（ID \(unknown)）はいません。")
        }
        return (mustCome, mayCome, staff)
    }

    public static func unique(_ ids: [Int64]) -> [Int64] {
        var seen: Set<Int64> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// Refuses when any of `people` is busy from `start` to `end`: in a Kasane meeting
    /// (with the city's buffer), and, with `calendars`, in their uploaded calendar.
    public static func checkStillFree(
        _ work: any UnitOfWork, _ people: [Int64], start: Date, end: Date, excluding meetingId: Int64?, calendars: Bool = true
    ) throws {
        let buffer = TimeInterval(try work.settings.settings().schedulingRules.bufferMinutes * 60)
        var busy = calendars ? Set(try work.scheduling.uploadedBusy(staffIds: people, from: start, to: end).keys) : []
        busy.formUnion(try work.scheduling.meetingTimes(
            staffIds: people, from: start.addingTimeInterval(-buffer), to: end.addingTimeInterval(buffer), excluding: meetingId).map(\.staffId))
        guard busy.isEmpty else {
            let staff = try work.staff.staff(agencyId: nil).filter { busy.contains($0.id ?? -1) }
            let agencies = try MeetingFunnel.agencyNames(work)
            let names = people.filter(busy.contains).compactMap { id in
                staff.first { $0.id == id }.map { "\($0.name)（\(agencies[$0.agencyId] ?? "")）" }
            }
            throw KasaneError.conflict(
                "その時間には、\(names.joined(separator: "、"))に予定が入っています（候補を探した後に入った可能性があります）。会議は作成していません。もう一度候補を探してください。")
        }
    }
}
