import Foundation
import HTTPTypes
import Hummingbird
import KasaneCalendar
import KasaneApp
import KasaneCore
import KasaneSQLite
import Logging
import NIOCore

/// Invitations, replies and feeds.
struct InvitationController {
    let database: AppDatabase

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.post("meetings/:id/invitations") { _, context in
            let messages = try await database.sendInvitations(meetingId: try context.parameters.id("id"), by: try context.actor())
            return JSONResponse(messages.map(Summary.init), status: .created)
        }
        api.get("meetings/:id/messages") { _, context in
            JSONResponse(try await database.messages(meetingId: try context.parameters.id("id"), for: try context.actor()).map(Summary.init))
        }
        api.get("meetings/:id/counters") { _, context in
            JSONResponse(try await database.counterProposals(meetingId: try context.parameters.id("id"), for: try context.actor()))
        }
        // An iTIP REPLY or COUNTER, as the member's calendar wrote it (text/calendar).
        api.post("itip") { request, context in
            let buffer = try await RequestBody.read(request, kind: .calendar, limits: context.limits)
            guard let text = String(bytes: buffer.readableBytesView, encoding: .utf8), !text.isEmpty else {
                throw KasaneError.invalid(field: "calendar", message: "本文が空か、UTF-8 の iCalendar ではありません。")
            }
            let parsed = try ITIPReader.read(text, limits: context.limits)
            return JSONResponse(try await database.importReply(
                parsed.reply, attendeeEmails: parsed.attendeeEmails, by: try context.actor()))
        }
        api.post("me/feed") { request, context in
            let token = try await database.renewFeedToken(by: try context.actor())
            let links = Self.feedLinks(base: try await database.settings().baseURL, token: token)
            return JSONResponse(["url": links.url, "webcal": links.webcal], status: .created)
        }
    }

    /// The public feed: the token in the path is the only credential.
    func addFeed(to router: Router<AppRequestContext>, refusals: UnauthenticatedLog) {
        let cache = FeedCache()
        router.get("feeds/:file") { request, context in
            let file = context.parameters.get("file") ?? ""
            let token = file.hasSuffix(".ics") ? String(file.dropLast(4)) : ""
            guard let owner = try await database.feedOwner(token: token), let staffId = owner.staff.id else {
                try await refusals.refuse(context, "/feeds/…")
                throw APIError(status: .notFound, message: "このフィードはありません（URLが更新された可能性があります）。")
            }
            let today = database.clock.today()
            let entry: FeedCache.Entry
            if let cached = await cache.entry(staffId: staffId, version: owner.version, day: today) {
                try await database.logFeedRead(by: owner.staff)
                entry = cached
            } else {
                guard let feed = try await database.feed(token: token) else {
                    throw APIError(status: .notFound, message: "このフィードはありません（URLが更新された可能性があります）。")
                }
                entry = FeedCache.Entry(
                    version: feed.version, day: today, etag: feed.etag, lastModified: feed.lastModified,
                    body: ICalendarWriter.feed(
                        feed.invitations, name: "Kasane 会議", refreshMinutes: try await database.settings().feedRefresh))
                await cache.store(entry, staffId: staffId)
            }
            var headers: HTTPFields = [.eTag: entry.etag, .cacheControl: "private, no-cache"]
            if let lastModified = entry.lastModified { headers[.lastModified] = Self.httpDate(lastModified) }
            // Calendar clients poll all day: the same content is answered 304 with no body, by
            // its ETag, or (for a client that sends none) by the time it last changed (RFC 9110
            // 13.1.3: If-Modified-Since counts only without If-None-Match).
            if let sent = request.headers[.ifNoneMatch] {
                if sent.split(separator: ",").contains(where: { Self.weakMatch($0, entry.etag) }) {
                    return Response(status: .notModified, headers: headers)
                }
            } else if let since = request.headers[.ifModifiedSince].flatMap(Self.parseHTTPDate), let changed = entry.lastModified,
                      changed.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
            {
                return Response(status: .notModified, headers: headers)
            }
            headers[.contentType] = "text/calendar; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: entry.body)))
        }
    }

    /// If-None-Match compares weakly (RFC 9110 8.8.3.2): W/"x" matches "x" and W/"x".
    static func weakMatch(_ candidate: Substring, _ etag: String) -> Bool {
        func opaque(_ s: some StringProtocol) -> String {
            let t = s.trimmingCharacters(in: .whitespaces)
            return t.hasPrefix("W/") ? String(t.dropFirst(2)) : t
        }
        return opaque(candidate) == opaque(etag) || candidate.trimmingCharacters(in: .whitespaces) == "*"
    }

    /// An HTTP date as clients send it (IMF-fixdate, RFC 9110 5.6.7); nil for anything else.
    static func parseHTTPDate(_ text: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT") ?? .gmt
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.date(from: text.trimmingCharacters(in: .whitespaces))
    }

    static func httpDate(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT") ?? .gmt
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.string(from: date)
    }

    /// A message as listed: who, what, when; not its content.
    struct Summary: Encodable, Sendable {
        let id: Int64
        let staffId: Int64
        let method: InvitationMethod
        let sequence: Int
        let createdAt: Date

        init(_ m: OutgoingMessage) {
            id = m.id!
            staffId = m.staffId
            method = m.method
            sequence = m.sequence
            createdAt = m.createdAt
        }
    }

    /// A member's feed as an https (or http) URL and as the webcal:// link calendars subscribe to.
    static func feedLinks(base: String, token: String) -> (url: String, webcal: String) {
        let url = "\(base)/feeds/\(token).ics"
        return (url, url.replacingOccurrences(of: "https://", with: "webcal://").replacingOccurrences(of: "http://", with: "webcal://"))
    }
}

/// After a request that changed something, hands new messages to the postman.
struct PostmanMiddleware<Context: RequestContext>: RouterMiddleware {
    let postman: Postman?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let response = try await next(request, context)
        if let postman, request.method != .get, response.status.code < 400 {
            do {
                try await postman.flush()
            } catch {
                context.logger.error("mail delivery failed; messages stay queued", metadata: ["type": "\(type(of: error))"])
            }
        }
        return response
    }

}
