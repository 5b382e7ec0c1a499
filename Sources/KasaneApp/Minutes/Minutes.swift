import Foundation
import KasaneCore
import KasaneStorage

/// 議事録: the secretariat drafts and corrects, the chair approves, attendees read
/// (DOMAIN rules 4, 5 and 7). Every version is a link of a hash chain.
extension TransactionalStorage {
    /// Drafts version 1 from the agenda of a meeting recorded as held: per item, who
    /// was expected (退席 where they were to leave the room), no summary, no decisions.
    public func draftMinutes(meetingId: Int64, by actor: Actor) async throws -> MinutesView {
        try await audited(actor, "minutes.draft", target: "meeting:\(meetingId)") { work, note in
            try Access.require(.writeMinutes, actor)
            let loaded = try MeetingFunnel.visible(work, id: meetingId, for: actor, note: note)
            switch loaded.meeting.status {
            case .held: break
            case .minutesApproved:
                throw KasaneError.conflict("この会議の議事録は承認済みです。直すときは訂正（新しい版）を作成してください。")
            default:
                throw KasaneError.conflict("議事録は開催済みの会議についてだけ作成できます（現在: \(loaded.meeting.status.japaneseName)）。")
            }
            guard try MinutesRules.versionRows(work, meetingId: meetingId).isEmpty else {
                throw KasaneError.conflict("この会議の議事録は既にあります。案を編集してください。")
            }
            let codes = try work.cases.codes(caseIds: loaded.items.compactMap(\.caseId))
            let record = MinutesRecord(items: loaded.items.map { item in
                let expected = loaded.attendees.filter { a in a.itemIds?.contains(item.id!) ?? true }
                return MinutesRecordItem(
                    itemId: item.id!, position: item.position, purpose: item.purpose, caseId: item.caseId,
                    caseCode: item.caseId.flatMap { codes[$0] },
                    attendance: expected.map { AttendanceRecord(staffId: $0.staffId, presence: $0.leavesFor.contains(item.id!) ? .leftRoom : .present) },
                    decisions: [])
            })
            let texts = Dictionary(uniqueKeysWithValues: loaded.items.map { ($0.id!, MinutesItemText(summary: "", decisionTexts: [])) })
            try MinutesRules.insertVersion(
                work, meetingId: meetingId, version: 1, record: record, texts: texts, previousHash: MinutesHash.genesis, reason: nil,
                author: try MinutesRules.actingStaffId(actor, loaded.meeting.secretariatId), at: note.at)
            return try MinutesRules.minutesView(work, loaded, version: nil, reading: .attendee, for: actor)
        }
    }

    /// Writes into the open draft; approved versions refuse (and so does the database).
    public func editMinutes(meetingId: Int64, _ edit: MinutesEdit, by actor: Actor) async throws -> MinutesView {
        try await audited(actor, "minutes.edit", target: "meeting:\(meetingId)") { work, note in
            try Access.require(.writeMinutes, actor)
            let loaded = try MeetingFunnel.visible(work, id: meetingId, for: actor, note: note)
            var row = try MinutesRules.openDraft(work, meetingId: meetingId)
            let versionId = row.id ?? 0
            var record = try row.decodedRecord()
            var texts = try MinutesRules.textRows(work, versionId: versionId).reduce(into: [Int64: MinutesItemText]()) { r, t in
                r[t.itemId] = try t.decodedBody() ?? MinutesItemText(summary: "", decisionTexts: [])
            }
            let agencies = Set(try work.directory.agencies().compactMap(\.id))
            guard edit.items.count <= 200 else {
                throw KasaneError.invalid(field: "items", message: "一度に直せる議題は200件までです。")
            }
            for (n, change) in edit.items.enumerated() {
                guard let index = record.items.firstIndex(where: { $0.itemId == change.itemId }) else {
                    throw KasaneError.invalid(field: "items[\(n)].itemId", message: "議題（ID \(change.itemId)）はこの議事録にありません。")
                }
                var item = record.items[index]
                var text = texts[item.itemId] ?? MinutesItemText(summary: "", decisionTexts: [])
                if let attendance = change.attendance {
                    let attendees = Set(loaded.attendees.map(\.staffId))
                    if let stray = attendance.first(where: { !attendees.contains($0.staffId) }) {
                        throw KasaneError.invalid(
                            field: "items[\(n)].attendance", message: "職員（ID \(stray.staffId)）はこの会議の出席者ではありません。")
                    }
                    guard Set(attendance.map(\.staffId)).count == attendance.count else {
                        throw KasaneError.invalid(field: "items[\(n)].attendance", message: "同じ職員が2回記録されています。")
                    }
                    item.attendance = attendance
                }
                if let summary = change.summary {
                    text.summary = summary.isEmpty ? "" : try Validate.text(summary, field: "items[\(n)].summary", label: "要旨", max: 10_000)
                }
                if let decisions = change.decisions {
                    guard decisions.count <= 50 else {
                        throw KasaneError.invalid(field: "items[\(n)].decisions", message: "1つの議題の決定は50件までです。")
                    }
                    for (k, d) in decisions.enumerated() {
                        try d.validate(purpose: item.purpose, hasCase: item.caseId != nil, agencies: agencies, at: "items[\(n)].decisions[\(k)]")
                    }
                    item.decisions = decisions.map(\.withoutText)
                    text.decisionTexts = decisions.map(\.text)
                }
                record.items[index] = item
                texts[item.itemId] = text
            }
            try work.minutes.deleteTexts(versionId: versionId)
            let textRows = try MinutesRules.writeTexts(work, versionId: versionId, record: record, texts: texts)
            row.record = String(decoding: try CanonicalJSON.encode(record), as: UTF8.self)
            row.recordHash = MinutesHash.hex(Data(row.record.utf8))
            row.textsHash = MinutesHash.texts(textRows)
            row.returnedComment = nil
            try work.minutes.update(row)
            return try MinutesRules.minutesView(work, loaded, version: row.version, reading: .attendee, for: actor)
        }
    }

    /// The chair approves the open draft: it becomes a locked link of the chain, and
    /// the meeting's minutes are approved.
    public func approveMinutes(meetingId: Int64, by actor: Actor) async throws -> MinutesView {
        try await audited(actor, "minutes.approve", target: "meeting:\(meetingId)") { work, note in
            let now = note.at
            var loaded = try MeetingFunnel.visible(work, id: meetingId, for: actor, note: note)
            try MinutesRules.requireChair(actor, loaded.meeting)
            var row = try MinutesRules.openDraft(work, meetingId: meetingId)
            let record = try row.decodedRecord()
            try MinutesRules.requireFilled(work, row, record, then: "承認")
            row.approvedBy = actor.staffId
            row.approvedAt = now
            row.returnedComment = nil
            row.versionHash = row.computedVersionHash()
            try work.minutes.update(row)
            // The decisions move plans and raise gaps in this same transaction (DOMAIN rule 8).
            try DecisionRules.apply(work, loaded, version: row, record: record, by: actor, now: note.at)
            if loaded.meeting.status == .held {
                loaded.meeting.status = .minutesApproved
                try work.meetings.update(loaded.meeting)
            }
            try MeetingFunnel.record(work, loaded.meeting, .minutesApproved, staffId: actor.staffId, detail: "第\(row.version)版", at: note.at)
            return try MinutesRules.minutesView(work, loaded, version: row.version, reading: .attendee, for: actor)
        }
    }

    /// The secretariat asks the chair to approve the open draft: a plain notice goes to the
    /// chair through the outbox (the meeting's title and day and where to read it; no case
    /// code, no name). A draft with an empty item is refused as approval would refuse it.
    @discardableResult
    public func requestMinutesApproval(meetingId: Int64, by actor: Actor) async throws -> MinutesView {
        try await audited(actor, "minutes.requestApproval", target: "meeting:\(meetingId)") { work, note in
            let loaded = try MeetingFunnel.visible(work, id: meetingId, for: actor, note: note)
            try Access.require(.writeMinutes, actor)
            let row = try MinutesRules.openDraft(work, meetingId: meetingId)
            try MinutesRules.requireFilled(work, row, try row.decodedRecord(), then: "承認を依頼")
            guard let chair = try work.staff.staff(id: loaded.meeting.chairId), let chairId = chair.id, chair.active else {
                throw KasaneError.conflict("この会議の議長が有効な職員として登録されていないため、依頼を送れません。")
            }
            let settings = try work.settings.settings()
            let title = loaded.meeting.title(settings)
            try work.notices.insert(
                staffId: chairId, email: chair.email, subject: "【Kasane】議事録の承認のお願い（\(title)）",
                body: """
                    \(title)（\(JapaneseEra.dateName(loaded.meeting.day))開催）の議事録 第\(row.version)版の案ができました。
                    Kasane で内容を確認し、承認または差し戻しをお願いします。
                    \(settings.baseURL)/meetings/\(meetingId)/minutes
                    """,
                at: note.at)
            note.detail = "第\(row.version)版の承認を議長に依頼"
            return try MinutesRules.minutesView(work, loaded, version: row.version, reading: .attendee, for: actor)
        }
    }

    /// The chair sends the draft back to the secretariat with what to fix.
    public func returnMinutes(meetingId: Int64, _ input: MinutesReturnInput, by actor: Actor) async throws -> MinutesView {
        try await audited(actor, "minutes.return", target: "meeting:\(meetingId)") { work, note in
            let loaded = try MeetingFunnel.visible(work, id: meetingId, for: actor, note: note)
            try MinutesRules.requireChair(actor, loaded.meeting)
            var row = try MinutesRules.openDraft(work, meetingId: meetingId)
            row.returnedComment = try Validate.text(input.comment, field: "comment", label: "差し戻しの理由", max: 2000)
            try work.minutes.update(row)
            return try MinutesRules.minutesView(work, loaded, version: row.version, reading: .attendee, for: actor)
        }
    }

    /// Starts a correction: a new draft version copied from the approved one, with
    /// its reason and author; the chair approves it again. Earlier versions stay.
    public func correctMinutes(meetingId: Int64, _ input: MinutesCorrectionInput, by actor: Actor) async throws -> MinutesView {
        try await audited(actor, "minutes.correct", target: "meeting:\(meetingId)") { work, note in
            try Access.require(.writeMinutes, actor)
            let loaded = try MeetingFunnel.visible(work, id: meetingId, for: actor, note: note)
            let reason = try Validate.text(input.reason, field: "reason", label: "訂正の理由", max: 500)
            let rows = try MinutesRules.versionRows(work, meetingId: meetingId)
            guard let last = rows.last else {
                throw KasaneError.conflict("この会議にはまだ議事録がありません。先に案を作成してください。")
            }
            guard last.isApproved, let head = last.versionHash else {
                throw KasaneError.conflict("第\(last.version)版はまだ承認されていません。その案を直してください。")
            }
            let old = try MinutesRules.textRows(work, versionId: last.id!)
            if let erased = old.first(where: { $0.body == nil }) {
                throw KasaneError.conflict("議題（ID \(erased.itemId)）の記録は保存期間経過により消去済みのため、訂正できません。")
            }
            let texts = Dictionary(uniqueKeysWithValues: try old.compactMap { t in try t.decodedBody().map { (t.itemId, $0) } })
            try MinutesRules.insertVersion(
                work, meetingId: meetingId, version: last.version + 1, record: try last.decodedRecord(), texts: texts,
                previousHash: head, reason: reason, author: try MinutesRules.actingStaffId(actor, loaded.meeting.secretariatId), at: note.at)
            return try MinutesRules.minutesView(work, loaded, version: last.version + 1, reading: .attendee, for: actor)
        }
    }

    /// The minutes as the actor may read them: the attendee's reading item by item, or
    /// the distributed one. Drafts are read by the secretariat and the chair only.
    /// Every read is audited, with a line per case the reader was shown.
    public func minutes(meetingId: Int64, version: Int? = nil, reading: DocumentReading = .attendee, for actor: Actor)
        async throws -> MinutesView
    {
        try await audited(actor, "minutes.read", target: "meeting:\(meetingId)") { work, note in
            let loaded = try MinutesRules.visibleMinutesMeeting(work, id: meetingId, for: actor, note: note)
            let view = try MinutesRules.minutesView(work, loaded, version: version, reading: reading, for: actor)
            if reading == .attendee {
                try MinutesRules.logCaseReads(work, actor, "minutes.read.case", meetingId: meetingId, codes: view.items.compactMap(\.caseCode), at: note.at)
            }
            return view
        }
    }

    /// Checks every meeting's chain (or one meeting's): each version's content against
    /// its hashes, each link against the version before.
    /// Every chain, each version checked; with `published` (heads kept outside the database:
    /// the server log, an archive manifest), also that each published version is still there
    /// as it was, so that a chain whose newest versions were removed is named.
    public func verifyMinutes(meetingId: Int64? = nil, published: [MinutesHead] = [], by actor: Actor) async throws -> [MinutesChainReport] {
        try await audited(actor, "minutes.verify", target: meetingId.map { "meeting:\($0)" } ?? "minutes") { work, _ in
            try Access.require(.writeMinutes, actor)
            return try MinutesRules.verifyChains(work, meetingId: meetingId, published: published)
        }
    }
}

/// The minutes' workflow and chain, as every operation on them applies it.
public enum MinutesRules {
    /// Every item has a summary or a decision; otherwise `action` (承認, 承認を依頼) is refused.
    public static func requireFilled(_ work: any UnitOfWork, _ row: MinutesVersionRecord, _ record: MinutesRecord, then action: String) throws {
        let texts = try textRows(work, versionId: row.id!)
        for item in record.items {
            let text = try texts.first { $0.itemId == item.itemId }?.decodedBody()
            if (text?.summary ?? "").isEmpty, item.decisions.isEmpty {
                throw KasaneError.conflict("議題\(item.position)の要旨も決定も空です。書き入れてから\(action)してください。")
            }
        }
    }

    public static func verifyChains(_ work: any UnitOfWork, meetingId: Int64?, published: [MinutesHead]) throws -> [MinutesChainReport] {
        var reports = try verifyChains(work, meetingId: meetingId)
        let wanted = published.filter { meetingId == nil || $0.meetingId == meetingId }
        guard !wanted.isEmpty else { return reports }
        let approved = Dictionary(grouping: try work.minutes.allVersions(meetingId: nil).filter(\.isApproved), by: \.meetingId)
        var seen = Set<String>()
        for head in wanted where seen.insert(head.description).inserted {
            let row = approved[head.meetingId]?.first { $0.version == head.version }
            let problem: String? = row == nil
                ? "会議\(head.meetingId) 第\(head.version)版: 公開された先頭の版がありません（削除されています）。"
                : row?.versionHash != head.hash ? "会議\(head.meetingId) 第\(head.version)版: 公開された時のハッシュと違います（書き換えられています）。" : nil
            guard let problem else { continue }
            if let i = reports.firstIndex(where: { $0.meetingId == head.meetingId }) {
                reports[i] = MinutesChainReport(
                    meetingId: head.meetingId, versions: reports[i].versions, head: reports[i].head, problems: reports[i].problems + [problem])
            } else {
                reports.append(MinutesChainReport(meetingId: head.meetingId, versions: 0, head: nil, problems: [problem]))
            }
        }
        return reports.sorted { $0.meetingId < $1.meetingId }
    }

    public static func verifyChains(_ work: any UnitOfWork, meetingId: Int64?) throws -> [MinutesChainReport] {
        let rows = try work.minutes.allVersions(meetingId: meetingId)
        let texts = Dictionary(grouping: try work.minutes.allTexts(), by: \.versionId)
        return Dictionary(grouping: rows, by: \.meetingId).sorted { $0.key < $1.key }.map { meetingId, versions in
            var problems: [String] = []
            var previous = MinutesHash.genesis
            var head: String?
            for (i, row) in versions.enumerated() {
                let name = "会議\(meetingId) 第\(row.version)版"
                if row.version != i + 1 { problems.append("\(name): 版の番号が連続していません（\(i + 1)のはず）。") }
                if MinutesHash.hex(Data(row.record.utf8)) != row.recordHash { problems.append("\(name): 配布用の記録が改ざんされています（ハッシュ不一致）。") }
                let own = texts[row.id ?? -1] ?? []
                for t in own where t.body != nil && MinutesHash.hex(Data((t.body ?? "").utf8)) != t.hash {
                    problems.append("\(name): 議題（ID \(t.itemId)）の記録が改ざんされています（ハッシュ不一致）。")
                }
                if MinutesHash.texts(own) != row.textsHash { problems.append("\(name): 議題の記録の一覧が変わっています。") }
                guard row.isApproved else { continue }
                if row.previousHash != previous { problems.append("\(name): 前の版とのつながり（previousHash）が一致しません。") }
                if row.versionHash != row.computedVersionHash() { problems.append("\(name): 版のハッシュが内容と一致しません。") }
                previous = row.versionHash ?? ""
                head = row.versionHash
            }
            return MinutesChainReport(meetingId: meetingId, versions: versions.count, head: head, problems: problems)
        }
    }

    public static func versionRows(_ work: any UnitOfWork, meetingId: Int64) throws -> [MinutesVersionRecord] {
        try work.minutes.versions(meetingId: meetingId)
    }

    public static func textRows(_ work: any UnitOfWork, versionId: Int64) throws -> [MinutesTextRecord] {
        try work.minutes.texts(versionId: versionId)
    }

    public static func openDraft(_ work: any UnitOfWork, meetingId: Int64) throws -> MinutesVersionRecord {
        guard let last = try versionRows(work, meetingId: meetingId).last else {
            throw KasaneError.conflict("この会議にはまだ議事録がありません。先に案を作成してください。")
        }
        guard !last.isApproved else {
            throw KasaneError.conflict("承認済みの議事録（第\(last.version)版）は変更できません。訂正として新しい版を作成してください。")
        }
        return last
    }

    public static func requireChair(_ actor: Actor, _ meeting: Meeting) throws {
        guard actor.staffId == meeting.chairId else {
            throw KasaneError.forbidden("議事録の承認と差し戻しは、この会議の議長だけが行えます。")
        }
    }

    /// The staff member writing: the actor, or for the local operator the meeting's secretariat.
    public static func actingStaffId(_ actor: Actor, _ fallback: Int64) throws -> Int64 { actor.staffId ?? fallback }

    @discardableResult
    public static func insertVersion(
        _ work: any UnitOfWork, meetingId: Int64, version: Int, record: MinutesRecord, texts: [Int64: MinutesItemText],
        previousHash: String, reason: String?, author: Int64, at now: Date
    ) throws -> MinutesVersionRecord {
        let json = String(decoding: try CanonicalJSON.encode(record), as: UTF8.self)
        var row = try work.minutes.insert(MinutesVersionRecord(
            meetingId: meetingId, version: version, record: json, recordHash: MinutesHash.hex(Data(json.utf8)), textsHash: "",
            previousHash: previousHash, reason: reason, authorId: author, createdAt: now))
        let versionId = try row.id ?? { throw KasaneError.unusableDatabase("登録した議事録の版にIDがありません。") }()
        row.textsHash = MinutesHash.texts(try writeTexts(work, versionId: versionId, record: record, texts: texts))
        try work.minutes.update(row)
        return row
    }

    public static func writeTexts(_ work: any UnitOfWork, versionId: Int64, record: MinutesRecord, texts: [Int64: MinutesItemText]) throws
        -> [MinutesTextRecord]
    {
        try record.items.map { item in
            let body = String(
                decoding: try CanonicalJSON.encode(texts[item.itemId] ?? MinutesItemText(summary: "", decisionTexts: [])), as: UTF8.self)
            let row = MinutesTextRecord(
                versionId: versionId, itemId: item.itemId, caseId: item.caseId, body: body, hash: MinutesHash.hex(Data(body.utf8)))
            try work.minutes.insert(row)
            return row
        }
    }

    /// The meeting, if the actor may read its minutes at all; otherwise the same
    /// answer as for a meeting that does not exist.
    public static func visibleMinutesMeeting(_ work: any UnitOfWork, id: Int64, for actor: Actor, note: AuditNote) throws -> LoadedMeeting {
        note.meetingId = id
        let notFound = KasaneError.notFound("会議（ID \(id)）の議事録は見つかりません。")
        guard let loaded = try work.meetings.meeting(id: id) else { throw notFound }
        let record = try versionRows(work, meetingId: id).last(where: \.isApproved)?.decodedRecord() ?? MinutesRecord(items: [])
        guard MinutesAccess.visibleItems(try CaseAccess.view(work, loaded), record: record, actor) != nil else { throw notFound }
        return loaded
    }

    public static func minutesView(_ work: any UnitOfWork, _ loaded: LoadedMeeting, version: Int?, reading: DocumentReading, for actor: Actor)
        throws -> MinutesView
    {
        let id = loaded.meeting.id!
        let rows = try versionRows(work, meetingId: id)
        let mayReadDrafts = actor.staffId == nil || actor.staff?.has(.secretariat) == true || actor.staffId == loaded.meeting.chairId
        let readable = mayReadDrafts ? rows : rows.filter(\.isApproved)
        let notFound = KasaneError.notFound(
            version.map { "議事録の第\($0)版は見つかりません。" } ?? "会議（ID \(id)）の議事録は見つかりません。")
        guard let row = version.map({ v in readable.first { $0.version == v } }) ?? readable.last else { throw notFound }
        let record = try row.decodedRecord()
        let approved = try rows.filter(\.isApproved).map { try $0.decodedRecord() }
        guard let visible = MinutesAccess.visibleItems(try CaseAccess.view(work, loaded), record: record, approved: approved, actor) else { throw notFound }
        let texts = Dictionary(uniqueKeysWithValues: try textRows(work, versionId: row.id!).map { ($0.itemId, $0) })
        let items = try record.items.map { item in
            let text = texts[item.itemId]
            return MinutesItem(
                record: item, text: reading == .attendee ? try text?.decodedBody() : nil, withheld: !visible.contains(item.itemId),
                erased: text?.body == nil)
        }
        return MinutesView(
            meetingId: id, title: loaded.meeting.title(try work.settings.settings()), status: loaded.meeting.status,
            version: MinutesVersionInfo(row), items: items, versions: readable.map(MinutesVersionInfo.init))
    }

    /// One audit line per case a reader was shown in an attendee's reading.
    public static func logCaseReads(_ work: any UnitOfWork, _ actor: Actor, _ action: String, meetingId: Int64, codes: [String], at now: Date) throws {
        for code in Set(codes).sorted() {
            let note = AuditNote(target: "meeting:\(meetingId)", at: now)
            note.meetingId = meetingId
            note.caseCode = code
            try work.audit.append(actor, action, note, allowed: true)
        }
    }
}
