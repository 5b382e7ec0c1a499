import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneDocuments
import KasaneSQLite
import NIOCore

/// Agendas and minutes: /api/v1/meetings/:id/agenda and /minutes..., the chains'
/// verification, the yearly archive and retention. The secretariat drafts and
/// corrects, the chair approves, attendees read; every read audited in the store.
struct MinutesController {
    let database: AppDatabase
    let shelf: TemplateShelf
    /// The set in use now: a saved template swaps it whole.
    var templates: DocumentTemplates { shelf.current }

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        let meetings = api.group("meetings")
        meetings.get(":id/agenda") { request, context in
            let q = try DocumentQuery(request)
            let doc = try await database.agendaDocument(meetingId: try context.parameters.id("id"), reading: q.reading, for: try context.actor())
            return try await render(doc, q, name: "agenda")
        }
        meetings.get(":id/minutes") { request, context in
            let q = try DocumentQuery(request)
            return JSONResponse(try await database.minutes(
                meetingId: try context.parameters.id("id"), version: q.version, reading: q.readingGiven ?? .attendee, for: try context.actor()))
        }
        meetings.post(":id/minutes") { _, context in
            JSONResponse(try await database.draftMinutes(meetingId: try context.parameters.id("id"), by: try context.actor()), status: .created)
        }
        meetings.patch(":id/minutes") { request, context in
            let edit = try await JSON.decode(MinutesEdit.self, from: request, context: context)
            return JSONResponse(try await database.editMinutes(meetingId: try context.parameters.id("id"), edit, by: try context.actor()))
        }
        meetings.post(":id/minutes/approval-request") { _, context in
            JSONResponse(try await database.requestMinutesApproval(meetingId: try context.parameters.id("id"), by: try context.actor()))
        }
        meetings.post(":id/minutes/approval") { _, context in
            JSONResponse(try await database.approveMinutes(meetingId: try context.parameters.id("id"), by: try context.actor()))
        }
        meetings.post(":id/minutes/return") { request, context in
            let input = try await JSON.decode(MinutesReturnInput.self, from: request, context: context)
            return JSONResponse(try await database.returnMinutes(meetingId: try context.parameters.id("id"), input, by: try context.actor()))
        }
        meetings.post(":id/minutes/corrections") { request, context in
            let input = try await JSON.decode(MinutesCorrectionInput.self, from: request, context: context)
            return JSONResponse(
                try await database.correctMinutes(meetingId: try context.parameters.id("id"), input, by: try context.actor()), status: .created)
        }
        meetings.get(":id/minutes/document") { request, context in
            let q = try DocumentQuery(request)
            let doc = try await database.minutesDocument(
                meetingId: try context.parameters.id("id"), version: q.version, reading: q.reading, for: try context.actor())
            return try await render(doc, q, name: "minutes")
        }
        api.get("minutes/verification") { request, context in
            let meetingId = try DocumentQuery.int(request, "meetingId")
            return JSONResponse(try await database.verifyMinutes(meetingId: meetingId, by: try context.actor()))
        }
        api.get("retention") { _, context in
            JSONResponse(try await database.retention(apply: false, by: try context.actor()))
        }
        api.post("retention/erasure") { _, context in
            JSONResponse(try await database.retention(apply: true, by: try context.actor()))
        }
        api.post("archives") { request, context in
            guard let year = try DocumentQuery.int(request, "fiscalYear") else {
                throw KasaneError.invalid(field: "fiscalYear", message: "年度（fiscalYear=2026 など）を指定してください。")
            }
            return try await archive(fiscalYear: Int(year), by: try context.actor())
        }
        api.post("archives/verification") { request, context in
            let actor = try context.actor()
            try Access.require(.writeMinutes, actor)
            let body = try await RequestBody.read(request, kind: .upload, limits: context.limits)
            let dir = FileManager.default.temporaryDirectory.appending(path: "kasane-verify-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = dir.appending(path: "archive.zip")
            try Data(body.readableBytesView).write(to: file)
            let report = YearArchive.verify(
                file, manifestSHA256: request.uri.queryParameters.get("manifestSHA256"), maxTotalBytes: Int64(context.limits.archiveExpandedBytes))
            if report.tooLarge {
                throw APIError(status: .contentTooLarge, message: report.problems.last ?? "保管用zipとして大きすぎます。")
            }
            return JSONResponse(report)
        }
    }

    /// The year's archive as a download, for the API and the secretariat's page alike.
    func archive(fiscalYear year: Int, by actor: Actor) async throws -> Response {
        let meetings = try await database.archiveContents(fiscalYear: year, by: actor)
        let dir = FileManager.default.temporaryDirectory.appending(path: "kasane-archive-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = try await YearArchive.write(
            meetings, fiscalYear: year, municipality: try await database.settings().municipalityName, templates: templates, into: dir,
            auditHead: try await database.auditHead())
        let data = try Data(contentsOf: URL(fileURLWithPath: written.path))
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/zip", .contentDisposition: "attachment; filename=\"\(YearArchive.fileName(fiscalYear: year))\"",
                HTTPField.Name("X-Manifest-SHA256")!: written.manifestSHA256, .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Markdown, printable HTML or PDF; the file name carries kind, number and reading only.
    func render(_ doc: MeetingDocument, _ q: DocumentQuery, name: String) async throws -> Response {
        let fileName = String(format: "%@-%@-%02d-%@.%@", name, doc.kind.rawValue, doc.number, doc.reading.rawValue, q.format.fileExtension)
        let body: ByteBuffer
        switch q.format {
        case .markdown, .html: body = ByteBuffer(string: templates.render(doc, as: q.format))
        case .pdf: body = ByteBuffer(bytes: try await PDFPrinter.print(html: templates.render(doc, as: .html)))
        }
        return Response(
            status: .ok,
            headers: Self.documentHeaders(contentType: q.format.contentType, fileName: fileName),
            body: .init(byteBuffer: body))
    }
}

extension MinutesController {
    /// A printed agenda or minutes may load nothing, post nothing, go nowhere and be framed
    /// by no one: its own inline style only; sandboxed (no forms, scripts, popups, navigation
    /// of other windows); no sniffing, no referrer, not kept.
    static func documentHeaders(contentType: String, fileName: String) -> HTTPFields {
        [
            .contentType: contentType, .contentDisposition: "inline; filename=\"\(fileName)\"", .cacheControl: "no-store",
            HTTPField.Name("Content-Security-Policy")!:
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'; sandbox",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
        ]
    }
}

/// `?reading=distributed|attendee&format=markdown|html|pdf&version=N`.
struct DocumentQuery {
    var readingGiven: DocumentReading?
    var format: DocumentFormat
    var version: Int?
    var reading: DocumentReading { readingGiven ?? .distributed }

    init(_ request: Request) throws {
        let q = request.uri.queryParameters
        if let r = q.get("reading") {
            guard let reading = DocumentReading(rawValue: r) else {
                throw KasaneError.invalid(field: "reading", message: "reading は distributed（配布用）か attendee（出席者用）で指定してください。")
            }
            readingGiven = reading
        }
        let f = q.get("format") ?? "html"
        guard let format = DocumentFormat(rawValue: f) else {
            throw KasaneError.invalid(field: "format", message: "format は markdown・html・pdf のいずれかで指定してください。")
        }
        self.format = format
        version = try Self.int(request, "version").map { Int($0) }
    }

    static func int(_ request: Request, _ name: String) throws -> Int64? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard let n = Int64(text), (1...Int64(Int32.max)).contains(n) else {
            throw KasaneError.invalid(field: name, message: "\(name) は正の整数で指定してください。")
        }
        return n
    }
}
