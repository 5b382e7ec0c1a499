import Foundation
import KasaneCore

enum Sample {
    /// 2026-12-03 10:00–11:30 in Japan.
    static let start = Date(timeIntervalSince1970: 1_796_259_600)
    static let end = start.addingTimeInterval(5400)

    static func invitation(sequence: Int = 0, cancelled: Bool = false, place: String = "市役所本庁舎 5階 第2会議室") -> Invitation {
        let url = "https://kasane.example.jp/meetings/12"
        return Invitation(
            meetingId: 12, uid: "0f6c6a4e-1111-4c3e-9d7a-3e2b1c0d9e8f@kasane", sequence: sequence, cancelled: cancelled,
            title: "まるごと支援会議（重層的支援会議） 第3回",
            description: Invitation.description(
                items: [("10:00", "プランの適切性の協議", "K-2026-001"), ("10:20", "評価・終結", "K-2026-014"),
                        ("10:40", "社会資源の検討", nil)],
                withheld: 1, url: url),
            place: place, startsAt: start, endsAt: end,
            organizer: InvitedParty(name: "相沢 美咲", email: "aizawa.misaki@minamino.example.jp", role: .chair, response: .accepted),
            attendees: [
                InvitedParty(name: "相沢 美咲", email: "aizawa.misaki@minamino.example.jp", role: .chair, response: .accepted),
                InvitedParty(name: "北村 直子", email: "kitamura.naoko@minamino.example.jp", role: .required, response: .needsAction),
                InvitedParty(name: "保坂 由紀", email: "hosaka.yuki@minamino.example.jp", role: .optional, response: .needsAction),
                InvitedParty(name: "田中 理恵", email: "tanaka.rie@minamino.example.jp", role: .observer, response: .needsAction),
            ],
            url: url)
    }
}
