import Foundation
import KasaneCore
import KasaneStorage

/// The yearly archive's contents: every approved minutes version of the fiscal year's
/// meetings in both readings and as stored, the distributed agendas, and attendance.
extension TransactionalStorage {
    public func archiveContents(fiscalYear: Int, by actor: Actor) async throws -> [ArchiveMeeting] {
        try await audited(actor, "archive.create", target: "fiscalYear:\(fiscalYear)") { work, note in
            try Access.require(.writeMinutes, actor)
            guard (2000...2100).contains(fiscalYear) else {
                throw KasaneError.invalid(field: "fiscalYear", message: "年度は2000から2100の間で指定してください（\(fiscalYear)）。")
            }
            let ids = try work.meetings.heldIds(fiscalYear: fiscalYear)
            let staff = try MeetingFunnel.staffById(work)
            let agencies = try MeetingFunnel.agencyNames(work)
            let chains = Dictionary(uniqueKeysWithValues: try MinutesRules.verifyChains(work, meetingId: nil).map { ($0.meetingId, $0) })
            // An archive is the record kept for good: never written from records that do not verify.
            let settings = try work.settings.settings()
            let broken = try work.meetings.meetings(ids: chains.values.filter { !$0.ok }.map(\.meetingId)).map(\.meeting)
                .sorted { $0.startsAt < $1.startsAt }
            guard broken.isEmpty else {
                throw KasaneError.conflict(
                    "議事録の版の連なり（ハッシュチェーン）が一致しない会議があるため、保管用zipを作りません: "
                        + broken.map { "\($0.title(settings))（会議ID \($0.id ?? 0)）" }.joined(separator: "、")
                        + "。kasane minutes verify で確かめてください。")
            }
            let audit = try AuditChain.verify(walk: work.audit.walk, storedHash: work.audit.storedHash(line:), published: [])
            guard audit.ok else {
                throw KasaneError.conflict("監査ログのハッシュの連鎖が一致しないため、保管用zipを作りません: \(audit.problem ?? "")")
            }
            var result: [ArchiveMeeting] = []
            for id in ids {
                let loaded = try MeetingFunnel.visible(work, id: id, for: actor, note: note)
                let all = Set(loaded.items.compactMap(\.id))
                let m = loaded.meeting
                let folder = m.kind.rawValue + "-" + (m.number < 10 ? "0" : "") + String(m.number)
                var versions: [ArchiveMeeting.MinutesVersion] = []
                var record: MinutesRecord?
                for row in try MinutesRules.versionRows(work, meetingId: id) where row.isApproved {
                    let distributed = try DocumentRules.document(
                        work, loaded, reading: .distributed, visible: all,
                        minutes: try MinutesRules.minutesView(work, loaded, version: row.version, reading: .distributed, for: actor), for: actor, now: note.at)
                    var attendee = try DocumentRules.document(
                        work, loaded, reading: .attendee, visible: all,
                        minutes: try MinutesRules.minutesView(work, loaded, version: row.version, reading: .attendee, for: actor), for: actor, now: note.at)
                    attendee.readerName = "事務局保管用"
                    let stored = StoredMinutesVersion(row: row, texts: try MinutesRules.textRows(work, versionId: row.id ?? 0))
                    versions.append(.init(number: row.version, distributed: distributed, attendee: attendee, json: try CanonicalJSON.encode(stored)))
                    record = try row.decodedRecord()
                    try MinutesRules.logCaseReads(work, actor, "archive.case", meetingId: id, codes: attendee.items.compactMap(\.caseCode), at: note.at)
                }
                var csv = "\u{FEFF}議題,事例番号,職員ID,機関,出欠\r\n"
                for item in record?.items ?? [] {
                    for a in item.attendance {
                        let agency = staff[a.staffId].flatMap { agencies[$0.agencyId] } ?? ""
                        csv += CSV.row([String(item.position), item.caseCode ?? "", String(a.staffId), agency, a.presence.japaneseName]) + "\r\n"
                    }
                }
                result.append(ArchiveMeeting(
                    folder: folder, meetingId: id,
                    agenda: try DocumentRules.document(work, loaded, reading: .distributed, visible: all, minutes: nil, for: actor, now: note.at),
                    minutes: versions, attendanceCSV: csv, chainHead: chains[id]?.head))
            }
            note.detail = "\(result.count)件の会議"
            return result
        }
    }
}

/// A minutes version exactly as stored (row and item words, with every hash), for the archive's JSON.
struct StoredMinutesVersion: Encodable {
    var version: MinutesVersionRecord
    var texts: [MinutesTextRecord]

    init(row: MinutesVersionRecord, texts: [MinutesTextRecord]) {
        version = row
        self.texts = texts
    }
}
