import Foundation

/// One meeting's part of a fiscal year's archive, read under the rules by the store
/// and written into the zip by `KasaneDocuments`.
public struct ArchiveMeeting: Sendable {
    public struct MinutesVersion: Sendable {
        public var number: Int
        public var distributed: MeetingDocument
        /// The attendee's reading as the secretariat keeps it: every item, 取扱注意.
        public var attendee: MeetingDocument
        /// The stored version itself: record, texts and hashes, as canonical JSON.
        public var json: Data

        public init(number: Int, distributed: MeetingDocument, attendee: MeetingDocument, json: Data) {
            self.number = number
            self.distributed = distributed
            self.attendee = attendee
            self.json = json
        }
    }

    /// `support-03`, `multiLayered-02`: kind and number, nothing else.
    public var folder: String
    public var meetingId: Int64
    public var agenda: MeetingDocument
    public var minutes: [MinutesVersion]
    /// item, case code, staff id, agency, presence (UTF-8 CSV with a BOM).
    public var attendanceCSV: String
    public var chainHead: String?

    public init(
        folder: String, meetingId: Int64, agenda: MeetingDocument, minutes: [MinutesVersion], attendanceCSV: String, chainHead: String?
    ) {
        self.folder = folder
        self.meetingId = meetingId
        self.agenda = agenda
        self.minutes = minutes
        self.attendanceCSV = attendanceCSV
        self.chainHead = chainHead
    }
}
