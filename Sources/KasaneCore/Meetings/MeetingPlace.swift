import Foundation

/// The place of a meeting as it travels (invitations, feeds, e-mails, documents, file
/// names): decided once here, from its kind, for every entry point.
public enum MeetingPlace {
    /// The neutral phrase a visit travels as: 訪問（K-2026-001）.
    public static func visitPhrase(caseCode: String) -> String { "訪問（\(caseCode)）" }

    /// The place text to store. A room or online place is the words given (or the room's
    /// name), refused when they name a household member, carry an address or say it is
    /// someone's home; a visit is the neutral phrase, never an address.
    /// - household: every household member whose name must not appear in a place.
    public static func resolve(
        kind: PlaceKind, text: String?, roomName: String?, visitCaseCode: String?, household: [PersonIdentity]
    ) throws -> String {
        let given = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .visit:
            guard let visitCaseCode else {
                throw KasaneError.invalid(
                    field: "visitCaseId", message: "訪問する事例を選んでください（この会議の議題にある事例です）。")
            }
            let phrase = visitPhrase(caseCode: visitCaseCode)
            guard given.isEmpty || given == phrase else {
                throw KasaneError.invalid(
                    field: "place",
                    message: "訪問の場所は入力しません。招待には「\(phrase)」とだけ載り、訪問先の住所は世帯の個人情報から、閲覧できる方にだけ表示されます。")
            }
            return phrase
        case .room, .online:
            let words = given.isEmpty ? (roomName ?? (kind == .online ? kind.japaneseName : "")) : given
            let place = try Validate.text(words, field: "place", label: "場所", max: 100)
            try IdentifyingText.check(place, field: "place", label: "場所", against: household, checksPlace: true)
            return place
        }
    }
}
