import Foundation
import KasaneCalendar
import KasaneCore
import KasaneStorage

/// Hands each new iTIP message to the mail system: an iMIP e-mail written to the
/// outbox folder, and given to `sendmail -t -i` when one is configured.
public struct Postman: Sendable {
    public var database: any OutboxStorage
    public var outbox: URL
    public var sendmail: String?
    public var from: String

    public init(database: any OutboxStorage, outbox: URL, sendmail: String? = nil, from: String = "kasane@localhost") {
        self.database = database
        self.outbox = outbox
        self.sendmail = sendmail
        self.from = from
    }

    /// Sends everything not yet sent; returns the files written.
    @discardableResult
    public func flush() async throws -> [URL] {
        let now = database.clock.now()
        let pending = try await database.unmailedMessages()
        let notices = try await database.unmailedNotices()
        guard !pending.isEmpty || !notices.isEmpty else { return [] }
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        var written: [URL] = []
        for notice in notices {
            let mail = IMIPMail.notice(to: notice.email, subject: notice.subject, body: notice.body, id: notice.id, from: from, now: now)
            let file = outbox.appendingPathComponent(mail.fileName)
            try DurableFile.write(Data(mail.text.utf8), to: file)
            if let sendmail { try Self.send(mail.text, with: sendmail) }
            try await database.markNoticeMailed(notice.id, at: now)
            written.append(file)
        }
        for message in pending {
            let ics = ICalendarWriter.message(message.invitation, method: message.method, sentBy: from, now: message.createdAt)
            let mail = IMIPMail.compose(message, ics: ics, from: from, now: now)
            let file = outbox.appendingPathComponent(mail.fileName)
            // Whole or not at all, and on disk before the message is marked sent.
            try DurableFile.write(Data(mail.text.utf8), to: file)
            if let sendmail { try Self.send(mail.text, with: sendmail) }
            try await database.markMailed(message.id!, at: now)
            written.append(file)
        }
        return written
    }

    static func send(_ text: String, with sendmail: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sendmail)
        process.arguments = ["-t", "-i"]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw KasaneError.conflict("sendmail が失敗しました（終了コード \(process.terminationStatus)）。メールは送信待ちのまま残ります。")
        }
    }
}
