import KasaneApp
import ArgumentParser
import Foundation
import KasaneCore
import KasaneSQLite

/// The same meeting operations as the API, under the same rules, acting as a named staff member.
struct MeetingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "会議を作成・変更します（同意・守秘義務のルールはAPIと同じです）。",
        subcommands: [List.self, Show.self, Create.self, AddItem.self, RemoveItem.self, AddAttendee.self,
                      RemoveAttendee.self, Invite.self, Cancel.self, Held.self])

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "出席者全員に招集（iTIP REQUEST）を送ります。以後の変更は自動で送られます。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.sendInvitations(meetingId: id, by: actor).map { "\($0.method.rawValue) → 職員 \($0.staffId)（SEQUENCE \($0.sequence)）" }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "見られる会議の一覧")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.meetings(for: actor)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "会議の資料（見られない議題は伏せられます）")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.meetingMaterial(id: id, for: actor)
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "会議を作成します。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "support（支援会議）または multiLayered（重層的支援会議）") var kind: String
        @Option(help: "開始（例: 2026-12-03T10:00、日本時間）") var starts: String
        @Option(help: "終了（例: 2026-12-03T11:30）") var ends: String
        @Option(help: "場所（訪問では省略）") var place: String = ""
        @Option(help: "場所の種類: room（会議室）, online（オンライン）, visit（事例の世帯への訪問）") var placeKind: String = "room"
        @Option(help: "訪問する事例 ID（--place-kind visit のとき。議題にある事例）") var visitCase: Int64?
        @Option(help: "構成員の提案 ID（出席者と議題を提案から作ります）") var proposal: Int64?

        func run() async throws {
            try await acting.run(database) { db, actor in
                guard let kind = MeetingKind(rawValue: kind) else {
                    throw KasaneError.invalid(field: "kind", message: "--kind は support か multiLayered です。")
                }
                guard let placeKind = PlaceKind(rawValue: placeKind) else {
                    throw KasaneError.invalid(field: "placeKind", message: "--place-kind は room・online・visit のいずれかです。")
                }
                let input = MeetingInput(
                    kind: kind, startsAt: try parseInstant(starts, option: "starts"), endsAt: try parseInstant(ends, option: "ends"),
                    place: place, proposalId: proposal, placeKind: placeKind, visitCaseId: visitCase)
                return try await db.createMeeting(input, by: actor)
            }
        }
    }

    struct AddItem: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-item", abstract: "議題を追加します。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64
        @Option(help: "事例 ID（一般の議題なら省略）") var caseId: Int64?
        @Option(help: "planReview, evaluationTermination, socialResources, informationSharing, watchingDirection, urgentResponse")
        var purpose: String
        @Option(help: "時間（分）") var minutes: Int?

        func run() async throws {
            try await acting.run(database) { db, actor in
                guard let purpose = AgendaPurpose(rawValue: purpose) else {
                    throw KasaneError.invalid(field: "purpose", message: "--purpose の値が正しくありません（\(purpose)）。")
                }
                return try await db.addItem(
                    meetingId: id, AgendaItemInput(caseId: caseId, purpose: purpose, minutes: minutes), by: actor)
            }
        }
    }

    struct RemoveItem: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-item", abstract: "議題を削除します。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64
        @Option(help: "議題 ID") var item: Int64

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.removeItem(meetingId: id, itemId: item, by: actor)
            }
        }
    }

    struct AddAttendee: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-attendee", abstract: "出席者を追加します。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64
        @Option(help: "職員 ID") var staff: Int64
        @Option(help: "required, optional, observer") var role: String = "required"
        @Option(help: "この議題だけに出席（繰り返し指定可）") var item: [Int64] = []
        @Option(help: "この議題では退席（繰り返し指定可）") var leaves: [Int64] = []
        @Option(help: "追加の理由") var reason: String?

        func run() async throws {
            try await acting.run(database) { db, actor in
                guard let role = AttendeeRole(rawValue: role) else {
                    throw KasaneError.invalid(field: "role", message: "--role の値が正しくありません（\(role)）。")
                }
                let input = AttendeeInput(
                    staffId: staff, role: role, itemIds: item.isEmpty ? nil : item, leavesFor: leaves, reason: reason)
                return try await db.addAttendee(meetingId: id, input, by: actor)
            }
        }
    }

    struct RemoveAttendee: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-attendee", abstract: "出席者を外します。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64
        @Option(help: "職員 ID") var staff: Int64
        @Option(help: "理由") var reason: String?

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.removeAttendee(meetingId: id, staffId: staff, reason: reason, by: actor)
            }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "会議を中止します。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64
        @Option(help: "中止の理由") var reason: String

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.cancelMeeting(id: id, CancellationInput(reason: reason), by: actor)
            }
        }
    }

    struct Held: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "会議を開催済みにします。")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var acting: ActingStaffOption
        @Option(help: "会議 ID") var id: Int64

        func run() async throws {
            try await acting.run(database) { db, actor in
                try await db.markHeld(id: id, by: actor)
            }
        }
    }
}
