import Foundation
import KasaneCore

/// A meeting as one actor may read it: items they may not hear are withheld, and
/// say so, without their case or purpose.
public struct MeetingMaterial: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var id: Int64
        public var position: Int
        public var minutes: Int
        /// Start of the item in Japan, `10:20`.
        public var startsAt: String
        public var withheld: Bool
        public var caseId: Int64?
        public var caseCode: String?
        public var purpose: AgendaPurpose?
        public var purposeName: String?
    }

    public struct Person: Codable, Sendable, Equatable {
        public var staffId: Int64
        public var name: String
        public var agencyId: Int64
        public var agencyName: String
        public var role: AttendeeRole
        public var roleName: String
        /// Whether they are there for every item.
        public var everyItem: Bool
        /// The item ids they are there for, when not every item.
        public var itemIds: [Int64]?
        public var leavesFor: [Int64]
        public var reason: String?
        /// Their answer to the invitation.
        public var response: AttendeeResponse
        public var responseName: String
    }

    public var id: Int64
    public var title: String
    public var kind: MeetingKind
    public var legalName: String
    public var fiscalYear: Int
    public var fiscalYearName: String
    public var number: Int
    public var startsAt: Date
    public var endsAt: Date
    public var place: String
    public var status: MeetingStatus
    public var statusName: String
    public var cancellationReason: String?
    public var uid: String
    public var sequence: Int
    public var chairId: Int64
    public var secretariatId: Int64
    public var items: [Item]
    public var attendees: [Person]
    /// The booked room, if any.
    public var roomId: Int64? = nil
    /// A room, online, or a visit (whose place is only 訪問（事例番号）; the address is read
    /// apart, by those who may, through `visitAddress`).
    public var placeKind: PlaceKind = .room
    public var placeKindName: String = PlaceKind.room.japaneseName
    public var visitCaseId: Int64? = nil
    /// What is unusual about its time (a closed day, outside office hours, short notice):
    /// allowed, but said.
    public var notices: [String] = []
}
