import Foundation
import KasaneApp
import KasaneCore
import KasaneStorage
import Testing

@Suite("Polls, booking a found time and standing series, decided by the application, on each engine")
struct SchedulingOnEachEngineTests {
    static let start = MeetingsOnEachEngineTests.start
    static let end = MeetingsOnEachEngineTests.end

    @Test("A poll: only those asked answer, each for themselves; a member sees counts, not names; a required ×, or a meeting booked in between, stops the booking; the booked slot makes the meeting", arguments: Engine.allCases)
    func poll(engine: Engine) async throws {
        let city = try await MeetingsOnEachEngineTests.city(engine)
        let s = city.storage
        let member = Actor.staff(city.member)
        let later = Self.start.addingTimeInterval(2 * 86400)
        let poll = try await s.createPoll(PollInput(
            kind: .supportMeeting, required: [city.member.id!, city.secretariat.staffId!],
            slots: [PollSlotInput(startsAt: Self.start, endsAt: Self.end), PollSlotInput(startsAt: later, endsAt: later.addingTimeInterval(3600))],
            note: "北部の事例"), by: city.coordinator)
        #expect(poll.slots.count == 2 && poll.participants?.count == 2)
        let first = poll.slots[0].id, second = poll.slots[1].id
        await #expect { try await s.answerPoll(id: poll.id, PollAnswersInput(answers: [.init(slotId: first, answer: .yes)]), by: city.coordinator) } throws: {
            if case .forbidden = $0 as? KasaneError { true } else { false }
        }
        await #expect { try await s.answerPoll(id: poll.id, PollAnswersInput(answers: [.init(slotId: 9999, answer: .yes)]), by: member) } throws: {
            if case .invalid = $0 as? KasaneError { true } else { false }
        }
        let seen = try await s.answerPoll(id: poll.id, PollAnswersInput(answers: [.init(slotId: first, answer: .no), .init(slotId: second, answer: .yes)]), by: member)
        #expect(seen.slots[0].mine == .no && seen.slots[0].no == 1 && seen.slots[0].answers == nil && seen.participants == nil)
        _ = try await s.answerPoll(id: poll.id, PollAnswersInput(answers: [.init(slotId: second, answer: .yes)]), by: city.secretariat)
        let coordinatorView = try await s.poll(id: poll.id, for: city.coordinator)
        #expect(coordinatorView.slots[0].requiredNo == ["包括 職員"] && coordinatorView.participants?.allSatisfy(\.answered) == true)
        #expect(try await s.polls(for: member).map(\.id) == [poll.id])

        await #expect { try await s.bookPoll(id: poll.id, slotId: first, roomId: nil, place: "第2会議室", by: city.coordinator) } throws: {
            if case .conflict(let message) = $0 as? KasaneError { message.contains("包括 職員") } else { false }
        }
        // Someone books the member into another meeting at the second time in between.
        let other = try await s.createMeeting(MeetingInput(
            kind: .supportMeeting, startsAt: later, endsAt: later.addingTimeInterval(3600), place: "オンライン（Teams）",
            items: [AgendaItemInput(caseId: city.caseId, purpose: .informationSharing)]), by: city.coordinator)
        _ = try await s.addAttendee(meetingId: other.id, AttendeeInput(staffId: city.member.id!), by: city.coordinator)
        await #expect { try await s.bookPoll(id: poll.id, slotId: second, roomId: nil, place: "第2会議室", by: city.coordinator) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
        #expect(try await s.poll(id: poll.id, for: city.coordinator).status == .open, "a refused booking leaves the poll as it was")
        _ = try await s.closePoll(id: poll.id, by: city.coordinator)
        await #expect { try await s.answerPoll(id: poll.id, PollAnswersInput(answers: [.init(slotId: second, answer: .no)]), by: member) } throws: {
            if case .conflict = $0 as? KasaneError { true } else { false }
        }
    }

    @Test("Booking a found time checks again that the required are free and the room is free; a booking in between is refused naming who", arguments: Engine.allCases)
    func booking(engine: Engine) async throws {
        let city = try await MeetingsOnEachEngineTests.city(engine)
        let s = city.storage
        let request = BookingRequest(
            kind: .supportMeeting, startsAt: Self.start, endsAt: Self.end, required: [city.member.id!], roomId: city.room.id,
            items: [AgendaItemInput(caseId: city.caseId, purpose: .informationSharing)])
        let booked = try await s.book(request, by: city.coordinator)
        #expect(booked.roomId == city.room.id && booked.attendees.map(\.staffId).contains(city.member.id!))
        var overlapping = request
        overlapping.roomId = nil
        overlapping.place = "オンライン（Teams）"
        await #expect { try await s.book(overlapping, by: city.coordinator) } throws: {
            if case .conflict(let message) = $0 as? KasaneError { message.contains("包括 職員") } else { false }
        }
        // Moving the booked meeting itself is no clash with itself.
        var move = request
        move.meetingId = booked.id
        move.startsAt = Self.start.addingTimeInterval(1800)
        move.endsAt = Self.end.addingTimeInterval(1800)
        #expect(try await s.book(move, by: city.coordinator).startsAt == move.startsAt)
        #expect(try await s.meetings(for: city.coordinator).count == 1)
    }
}
