import Foundation
import GRDB
import KasaneApp
import KasaneCore
import KasaneDemo
@testable import KasaneSQLite
import Testing

@Suite("Rooms and booking a found time")
struct BookingTests {
    struct City {
        let db: AppDatabase
        let seed: DemoSeed
        let coordinator: Actor
        let admin: Actor
        let room: Room
        let online: Room
    }

    func city() async throws -> City {
        let db = try AppDatabase.inMemory()
        let seed = try await db.seedDemo()
        let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
        let admin = Actor.staff(try await db.staff(email: DemoSeed.administratorEmail))
        let room = try await db.createRoom(Room(name: "試験会議室A", capacity: 12, equipment: ["プロジェクター"]), by: admin)
        let online = try await db.createRoom(Room(name: "試験Web会議", capacity: nil, online: true), by: admin)
        return City(db: db, seed: seed, coordinator: coordinator, admin: admin, room: room, online: online)
    }

    /// A working day ten weeks ahead, at `hour` in Japan: past the demo's weekly busy times (eight weeks), its meeting
    /// two weeks ahead and its 定例 on second Tuesdays, so the result never depends on the weekday the tests run on.
    func slot(_ hour: Int, days: Int = 70, minutes: Int = 60) -> (Date, Date) {
        let calendar = WorkingCalendar(settings: MunicipalitySettings())
        var day = LocalDate.today().adding(days: days)
        while !calendar.isWorkingDay(day) || (JapaneseHolidays.weekday(day) == 2 && (8...14).contains(day.day)) { day = day.adding(days: 1) }
        let start = day.instant(minutesAfterMidnight: hour * 60)
        return (start, start.addingTimeInterval(TimeInterval(minutes * 60)))
    }

    @Test("A room is refused to a second meeting at an overlapping time, naming the first; an online room is not")
    func roomTaken() async throws {
        let c = try await city()
        let (start, end) = slot(10)
        let first = try await c.db.createMeeting(
            MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: end, place: "", roomId: c.room.id), by: c.coordinator)
        #expect(first.place == "試験会議室A")
        #expect(first.roomId == c.room.id)
        await #expect { _ = try await c.db.createMeeting(
            MeetingInput(kind: .supportMeeting, startsAt: start.addingTimeInterval(1800), endsAt: end.addingTimeInterval(1800), place: "", roomId: c.room.id),
            by: c.coordinator)
        } throws: { ($0 as? KasaneError)?.message.contains("試験会議室A") == true && ($0 as? KasaneError)?.message.contains(first.title) == true }
        // Back to back is fine; the online room holds any number of meetings.
        _ = try await c.db.createMeeting(MeetingInput(kind: .supportMeeting, startsAt: end, endsAt: end.addingTimeInterval(3600), place: "", roomId: c.room.id), by: c.coordinator)
        _ = try await c.db.createMeeting(MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: end, place: "", roomId: c.online.id), by: c.coordinator)
        _ = try await c.db.createMeeting(MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: end, place: "", roomId: c.online.id), by: c.coordinator)
        // Moving a meeting onto the taken room is refused too; cancelling the first frees it.
        let other = try await c.db.createMeeting(MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: end, place: "別室"), by: c.coordinator)
        await #expect(throws: KasaneError.self) { _ = try await c.db.updateMeeting(id: other.id, MeetingChangeInput(roomId: c.room.id), by: c.coordinator) }
        _ = try await c.db.cancelMeeting(id: first.id, CancellationInput(reason: "延期"), by: c.coordinator)
        let moved = try await c.db.updateMeeting(id: other.id, MeetingChangeInput(roomId: c.room.id), by: c.coordinator)
        #expect(moved.roomId == c.room.id)
    }

    @Test("The database itself refuses a double booking, whatever writes it")
    func trigger() async throws {
        let c = try await city()
        let (start, end) = slot(13)
        let m = try await c.db.createMeeting(MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: end, place: "", roomId: c.room.id), by: c.coordinator)
        let other = try await c.db.createMeeting(MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: end, place: "別室"), by: c.coordinator)
        #expect(throws: DatabaseError.self) {
            try c.db.writer.write { db in try db.execute(sql: "UPDATE meeting SET roomId = ? WHERE id = ?", arguments: [c.room.id, other.id]) }
        }
        let stored = try await c.db.reader.read { db in try Int64.fetchOne(db, sql: "SELECT roomId FROM meeting WHERE id = ?", arguments: [other.id]) }
        #expect(stored == nil)
        #expect(m.roomId == c.room.id)
    }

    @Test("Two bookings of one room at one time, at once: exactly one is made, the other is told why")
    func concurrentBookings() async throws {
        let c = try await city()
        let (start, end) = slot(15)
        let results = await withTaskGroup(of: Result<MeetingMaterial, any Error>.self) { group in
            for required in [[Int64(5)], [Int64(19)]] {
                group.addTask {
                    do {
                        return .success(try await c.db.book(
                            BookingRequest(kind: .supportMeeting, startsAt: start, endsAt: end, required: required, roomId: c.room.id), by: c.coordinator))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var all: [Result<MeetingMaterial, any Error>] = []
            for await r in group { all.append(r) }
            return all
        }
        let made = results.compactMap { try? $0.get() }
        #expect(made.count == 1)
        let refusal = results.compactMap { r -> KasaneError? in if case .failure(let e) = r { return e as? KasaneError } else { return nil } }
        #expect(refusal.count == 1)
        #expect(refusal.first?.message.contains("試験会議室A") == true)
        let inRoom = try await c.db.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meeting WHERE roomId = ?", arguments: [c.room.id]) }
        #expect(inRoom == 1)
    }

    @Test("Booking re-checks people: someone who became busy since the search is named, and nothing is created")
    func recheck() async throws {
        let c = try await city()
        let (start, end) = slot(10)
        let member = try await c.db.staff(email: DemoSeed.involvedMemberEmail)
        // The member is put on another meeting at 10:30 after the search found 10:00 free.
        _ = try await c.db.createMeeting(MeetingInput(kind: .supportMeeting, startsAt: start.addingTimeInterval(1800), endsAt: end.addingTimeInterval(1800), place: "別室"), by: c.coordinator)
        let before = try await c.db.meetings(for: c.coordinator).count
        try await c.db.writer.write { db in
            try db.execute(sql: "INSERT INTO attendee (meetingId, staffId, role, leavesFor) SELECT MAX(id), ?, 'required', '[]' FROM meeting", arguments: [member.id])
        }
        await #expect { _ = try await c.db.book(BookingRequest(kind: .supportMeeting, startsAt: start, endsAt: end, required: [member.id!]), by: c.coordinator) }
            throws: { ($0 as? KasaneError)?.message.contains(member.name) == true }
        #expect(try await c.db.meetings(for: c.coordinator).count == before)
        // At 14:00 the member is free: the booking is made.
        let (later, laterEnd) = slot(14)
        let booked = try await c.db.book(BookingRequest(kind: .supportMeeting, startsAt: later, endsAt: laterEnd, required: [member.id!], roomId: c.room.id), by: c.coordinator)
        #expect(booked.place == "試験会議室A")
        #expect(booked.attendees.contains { $0.staffId == member.id && $0.role == .required }, "the people checked are on the meeting")
        // A required person the rules exclude (no pledge for a 支援会議) is refused at booking, naming them.
        let unpledged = try await c.db.staff(email: "arai.shota@minamino.example.jp")
        let (other, otherEnd) = slot(16)
        await #expect { _ = try await c.db.book(BookingRequest(kind: .supportMeeting, startsAt: other, endsAt: otherEnd, required: [unpledged.id!], place: "会議室"), by: c.coordinator) }
            throws: { ($0 as? KasaneError)?.message.contains(unpledged.name) == true }
    }

    @Test("A meeting on a holiday, outside office hours or at short notice is allowed and says so")
    func notices() async throws {
        let c = try await city()
        var day = LocalDate.today().adding(days: 20)
        while JapaneseHolidays.weekday(day) != 0 { day = day.adding(days: 1) }  // a Sunday
        let sunday = try await c.db.createMeeting(
            MeetingInput(kind: .supportMeeting, startsAt: day.instant(minutesAfterMidnight: 18 * 60), endsAt: day.instant(minutesAfterMidnight: 19 * 60), place: "会議室"),
            by: c.coordinator)
        #expect(sunday.notices.contains { $0.contains("閉庁日（日曜日）") })
        #expect(sunday.notices.contains { $0.contains("開庁時間") })
        let (start, end) = slot(10)
        let normal = try await c.db.createMeeting(MeetingInput(kind: .supportMeeting, startsAt: start, endsAt: end, place: "会議室"), by: c.coordinator)
        #expect(normal.notices.isEmpty)
        // Tomorrow morning in Japan: short notice whatever the hour the test runs (an hour from now
        // could cross midnight in Japan and be refused as spanning two days).
        let soon = LocalDate.today().adding(days: 1).instant(minutesAfterMidnight: 10 * 60)
        let urgent = try await c.db.createMeeting(MeetingInput(kind: .supportMeeting, startsAt: soon, endsAt: soon.addingTimeInterval(1800), place: "会議室"), by: c.coordinator)
        #expect(urgent.notices.contains { $0.contains("最低日数") })
    }

    @Test("Rooms are kept by the administrator: validated, unique names, a coordinator may not add one")
    func roomAdmin() async throws {
        let c = try await city()
        await #expect(throws: KasaneError.self) { _ = try await c.db.createRoom(Room(name: "X", capacity: 5), by: c.coordinator) }
        await #expect { _ = try await c.db.createRoom(Room(name: "試験会議室A", capacity: 5), by: c.admin) }
            throws: { ($0 as? KasaneError)?.message.contains("すでに登録") == true }
        await #expect { _ = try await c.db.createRoom(Room(name: "定員なし", capacity: nil), by: c.admin) }
            throws: { ($0 as? KasaneError)?.field == "capacity" }
        #expect(try await c.db.rooms().count == 6)  // the demo city's four and the two above
    }

    @Test("The search offers a free room that fits with each time; a taken room is not offered, and with none free the time is left out")
    func roomInSearch() async throws {
        let c = try await city()
        let (start, end) = slot(10)
        let day = LocalDate.inTokyo(start)
        let need = SlotSearchRequest.RoomNeed(capacity: 12, equipment: ["プロジェクター"], online: false)
        // Staff 5 is not on the meetings below (their chair and secretariat are 1 and 3).
        let request = SlotSearchRequest(kind: .supportMeeting, required: [5], minutes: 60, from: day, to: day, count: 3, room: need)
        let first = try await c.db.searchSlots(request, by: c.coordinator)
        let fitting = try await c.db.rooms().filter { need.fits($0, people: 1) }
        #expect(Set(fitting.map(\.name)) == ["市役所本庁舎 5階 第2会議室", "保健センター 2階 会議室", "試験会議室A"])
        #expect(!first.candidates.isEmpty)
        #expect(first.candidates.allSatisfy { c in fitting.contains { $0.id == c.roomId } })
        // Over two weeks, spread like any search: at most two a day, none overlapping another that day.
        let weeks = try await c.db.searchSlots(
            SlotSearchRequest(kind: .supportMeeting, required: [5], minutes: 90, from: day, to: day.adding(days: 14), count: 5, room: need),
            by: c.coordinator)
        let days = Dictionary(grouping: weeks.candidates) { LocalDate.inTokyo($0.startsAt) }
        #expect(days.count > 1 && days.values.allSatisfy { $0.count <= 2 })
        #expect(days.values.allSatisfy { same in !same.contains { a in same.contains { b in a != b && a.startsAt < b.endsAt && b.startsAt < a.endsAt } } })
        // Take every fitting room for the whole day: no candidate is left, and the answer says why.
        for room in fitting {
            for (from, to) in [(8 * 60, 16 * 60), (16 * 60, 18 * 60)] {
                _ = try await c.db.createMeeting(
                    MeetingInput(kind: .supportMeeting, startsAt: day.instant(minutesAfterMidnight: from), endsAt: day.instant(minutesAfterMidnight: to),
                                 place: "", roomId: room.id), by: c.coordinator)
            }
        }
        let none = try await c.db.searchSlots(request, by: c.coordinator)
        #expect(none.candidates.isEmpty)
        #expect(none.notices.contains { $0.contains("部屋") })
        // Without a stated need, times are still offered, each with a room that is free (here not the two taken).
        let any = try await c.db.searchSlots(
            SlotSearchRequest(kind: .supportMeeting, required: [5], minutes: 60, from: day, to: day, count: 3), by: c.coordinator)
        #expect(!any.candidates.isEmpty)
        #expect(any.candidates.allSatisfy { c in !fitting.contains { $0.id == c.roomId } })
        _ = end
    }
}
