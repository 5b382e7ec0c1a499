import Foundation
import GRDB
import KasaneCalendar
import KasaneApp
import KasaneCore
import KasaneDemo
import KasaneDocuments
import KasaneSQLite

// Kasane's benchmarks: `swift run -c release kasane-bench`. Each line runs one
// operation on the demo city (in memory) a fixed number of times and prints the
// mean and the best batch, in microseconds per operation.

// `kasane-bench feed-fixture DB RADICALE_ROOT [COUNT]` writes the feed comparison's data
// and prints the feed token (scripts/feed-bench.sh).
if CommandLine.arguments.count >= 4, CommandLine.arguments[1] == "feed-fixture" {
    let count = CommandLine.arguments.count > 4 ? Int(CommandLine.arguments[4]) ?? 200 : 200
    print(try await FeedFixture.make(database: CommandLine.arguments[2], radicaleRoot: CommandLine.arguments[3], count: count))
    exit(0)
}

struct Figure {
    let name: String
    let count: Int
    let mean: Double
    let best: Double
}

func measure(_ name: String, count: Int, batches: Int = 5, _ body: () async throws -> Void) async throws -> Figure {
    var perOp: [Double] = []
    try await body()  // warm up
    for _ in 0..<batches {
        let clock = ContinuousClock()
        let elapsed = try await clock.measure { for _ in 0..<count { try await body() } }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        perOp.append(seconds / Double(count) * 1e6)
    }
    return Figure(name: name, count: count, mean: perOp.reduce(0, +) / Double(perOp.count), best: perOp.min()!)
}

let db = try AppDatabase.inMemory()
let seed = try await db.seedDemo()
let coordinator = Actor.staff(try await db.staff(email: DemoSeed.coordinatorEmail))
let member = Actor.staff(try await db.staff(email: DemoSeed.involvedMemberEmail))
var calendar = Calendar(identifier: .gregorian)
calendar.timeZone = .tokyo
let start = calendar.date(byAdding: .day, value: 10, to: calendar.startOfDay(for: Date()))!.addingTimeInterval(36000)
let proposal = try await db.proposeMembers(
    ProposalRequest(kind: .multiLayeredSupportMeeting, caseIds: [seed.caseIds[0], seed.caseIds[1]]), by: coordinator)
let meeting = try await db.createMeeting(
    MeetingInput(kind: .multiLayeredSupportMeeting, startsAt: start, endsAt: start.addingTimeInterval(5400), place: "会議室",
                 proposalId: proposal.id), by: coordinator)
let messages = try await db.sendInvitations(meetingId: meeting.id, by: coordinator)
let invitation = messages[0].invitation
let bigCSV = "機関コード,機関名,種別,分野,地区,運営,所管課\n" + (1...2000).map { "B\($0),機関\($0),種別,障害;生活困窮,N,委託,課" }
    .joined(separator: "\n")

var figures: [Figure] = []
figures.append(try await measure("member proposal, 8050 case (stored, audited)", count: 200) {
    _ = try await db.proposeMembers(ProposalRequest(kind: .multiLayeredSupportMeeting, caseIds: [seed.eightyFiftyCaseId]), by: coordinator)
})
// The same selection as a pure function over all twenty demo cases, without the store.
var contexts: [SelectionInput.CaseContext] = []
for id in seed.caseIds {
    contexts.append(.init(
        supportCase: try await db.supportCase(id: id, for: .localOperator), consents: try await db.consents(caseId: id, for: .localOperator),
        assignments: try await db.assignments(caseId: id, for: .localOperator)))
}
let pledged = Set(try await db.pledges().map(\.staffId))
let selectionInput = SelectionInput(
    request: ProposalRequest(kind: .supportMeeting, caseIds: seed.caseIds), date: LocalDate.today(), cases: contexts,
    agencies: try await db.agencies(), staff: try await db.staffList(), pledgedStaffIds: pledged,
    districtNames: Dictionary(uniqueKeysWithValues: try await db.districts().map { ($0.code, $0.name) }))
figures.append(try await measure("member selection alone, 20 cases at once (pure)", count: 200) {
    _ = MemberSelection.propose(selectionInput)
})
figures.append(try await measure("case read by a member (need-to-know, audited)", count: 500) {
    _ = try await db.supportCase(id: seed.eightyFiftyCaseId, for: member)
})
figures.append(try await measure("meeting material, coordinator (audited)", count: 500) {
    _ = try await db.meetingMaterial(id: meeting.id, for: coordinator)
})
figures.append(try await measure("add and remove an attendee (rules, SEQUENCE, messages)", count: 100) {
    let staff = try await db.staff(email: "kikuchi.yuta@minamino.example.jp")
    _ = try await db.addAttendee(meetingId: meeting.id, AttendeeInput(staffId: staff.id!, itemIds: [meeting.items[1].id]), by: coordinator)
    _ = try await db.removeAttendee(meetingId: meeting.id, staffId: staff.id!, reason: nil, by: coordinator)
})
figures.append(try await measure("iTIP REQUEST written by libical", count: 2000) {
    _ = ICalendarWriter.message(invitation, method: .request)
})
figures.append(try await measure("iTIP REQUEST read back and restriction-checked", count: 1000) {
    _ = try ICalendarText.restrictionProblems(ICalendarWriter.message(invitation, method: .request))
})
figures.append(try await measure("national holidays 2020–2035 computed", count: 200) {
    _ = JapaneseHolidays.holidays(from: 2020, to: 2035)
})
figures.append(try await measure("CSV of 2,000 agencies parsed and checked", count: 5, batches: 3) {
    _ = try DirectoryImport.agencies(try CSV.parse(bigCSV), knownFields: Set(Field.standard), knownDistricts: ["N"])
})

let holidaysICS = ICalendarWriter.holidays(JapaneseHolidays.holidays(from: 2020, to: 2035))
figures.append(try await measure("holiday calendar (286 events) bounded, parsed by libical", count: 20) {
    _ = try ICalendarText.parse(holidaysICS)
})

// Durability: the same audited write (a pledge and its audit line) on a database file,
// with the WAL synced at every commit (synchronous=FULL, what Kasane runs) and without
// (NORMAL, GRDB's default for WAL, which can lose acknowledged commits to a power cut).
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kasane-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let fileDB = try AppDatabase.open(path: folder.appendingPathComponent("bench.sqlite").path)
_ = try await fileDB.seedDemo()
let fileCoordinator = Actor.staff(try await fileDB.staff(email: DemoSeed.coordinatorEmail))
let pledgeStaff = try await fileDB.staff(email: "kikuchi.yuta@minamino.example.jp").id!
for mode in ["FULL", "NORMAL"] {
    try await fileDB.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(mode)") }
    figures.append(try await measure("audited write on a file, synchronous=\(mode)", count: 100) {
        _ = try await fileDB.recordPledge(staffId: pledgeStaff, pledgedOn: LocalDate.today(), note: nil, by: fileCoordinator)
    })
}

// Scheduling at scale: 30 members, a year of busy time each at about 5 events a working
// day, a quarter of the events weekly recurring with exceptions; search 3 months for the
// earliest 5 slots of 90 minutes; and one member's 10,000-event calendar read by libical.
let scheduling = try await SchedulingBench.run(db: db, coordinator: coordinator)
// Documents and plans over the demo's year of history.
let secretariat = Actor.staff(try await db.staff(email: DemoSeed.secretariatEmail))
let approved = try await db.meetings(for: coordinator).filter { $0.status == .minutesApproved }
let latest = approved.max { $0.startsAt < $1.startsAt }!.id
let versions = try await db.verifyMinutes(by: secretariat).reduce(0) { $0 + $1.versions }
figures.append(try await measure("minutes of a meeting rendered to HTML, attendee's reading (audited)", count: 200) {
    let doc = try await db.minutesDocument(meetingId: latest, reading: .attendee, for: secretariat)
    _ = DocumentTemplates.builtIn.render(doc, as: .html)
})
figures.append(try await measure("every minutes chain verified (\(approved.count) meetings, \(versions) versions)", count: 50) {
    _ = try await db.verifyMinutes(by: secretariat)
})
figures.append(try await measure("a fiscal year's figures counted from the records", count: 200) {
    _ = try await db.figures(fiscalYear: LocalDate.today().fiscalYear(), by: secretariat)
})
figures.append(try await measure("the current year's archive: read, rendered and zipped", count: 3, batches: 3) {
    let year = LocalDate.today().adding(days: -10).fiscalYear()
    let contents = try await db.archiveContents(fiscalYear: year, by: secretariat)
    let dir = FileManager.default.temporaryDirectory.appending(path: "kasane-bench-\(UUID().uuidString)")
    _ = try await YearArchive.write(contents, fiscalYear: year, municipality: "みなみ野市", templates: .builtIn, into: dir)
    try? FileManager.default.removeItem(at: dir)
})
figures.append(contentsOf: scheduling.figures)

print("Kasane benchmarks (\(ProcessInfo.processInfo.processorCount) cores, in-memory demo city unless it says file)")
print(String(repeating: "-", count: 92))
print("operation".padding(toLength: 60, withPad: " ", startingAt: 0) + "     runs   mean µs/op   best µs/op")
for f in figures {
    print(f.name.padding(toLength: 60, withPad: " ", startingAt: 0)
        + String(format: " %8d %12.1f %12.1f", f.count, f.mean, f.best))
}
print(scheduling.summary)
