import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import Mustache
import NIOCore

/// The page templates of `Pages/`, built into the binary and loaded once.
enum WebPages {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in BuiltInPages.templates where !name.hasSuffix(".css") && !name.hasSuffix(".js") {
            // Cannot fail for a build whose page tests pass: the pages are part of the source.
            guard let template = try? MustacheTemplate(string: text) else { preconditionFailure("Pages/\(name).mustache does not parse") }
            library.register(template, named: name)
        }
        return library
    }()

    /// Every page: nothing from outside this server, no framing, no sniffing, no caching.
    static let securityHeaders: HTTPFields = [
        HTTPField.Name("Content-Security-Policy")!: "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with its
        // own forms, and a browser without Sec-Fetch-Site could then not be told from another site.
        // Nothing goes to other sites either way.
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        .cacheControl: "no-store",
    ]

    static func page(_ name: String, _ view: Any, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        for field in extra { headers.append(field) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: library.render(view, withTemplate: name) ?? "")))
    }

    static func redirect(_ location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = securityHeaders
        headers[.location] = location
        for field in extra { headers.append(field) }
        return Response(status: .seeOther, headers: headers)
    }

    static func asset(_ name: String, contentType: String) -> Response {
        var headers = securityHeaders
        headers[.contentType] = contentType
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: BuiltInPages.templates[name] ?? "")))
    }

    /// A file to save (a CSV, a template), with the page's security headers.
    static func download(_ text: String, contentType: String, fileName: String) -> Response {
        var headers = securityHeaders
        headers[.contentType] = contentType
        headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// An HTML form body (application/x-www-form-urlencoded), bounded like any JSON body.
    static func form(_ request: Request, context: AppRequestContext) async throws -> [String: String] {
        let buffer = try await RequestBody.read(request, kind: .json, limits: context.limits)
        let text = String(buffer: buffer).replacingOccurrences(of: "+", with: " ")
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = parts.first.flatMap({ String($0).removingPercentEncoding }) else { continue }
            fields[key] = parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? "" : ""
        }
        return fields
    }

    /// A store message as a page shows it: without the API's field names in brackets
    /// (「役割（text）」 becomes 「役割」), which mean nothing to a person at a form.
    static func plain(_ message: String) -> String {
        message.replacing(/（[A-Za-z][A-Za-z0-9_.\[\]]*）/, with: "")
    }

    /// The value of one cookie.
    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let kv = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if kv.count == 2, kv[0] == name { return String(kv[1]) }
            }
        }
        return nil
    }
}

/// One choice of a select, a radio or a checkbox list.
struct Option { var value: String; var label: String; var selected: Bool }

/// What the shared head shows of the signed-in person.
struct PageUser {
    var name: String
    var roles: String
    var csrf: String
}

/// A day as pages show it: 令和 on the page, 西暦 on hover and to machines
/// (`Pages/date.mustache`: `<time datetime title>`).
struct PageDate {
    var name: String
    var iso: String
    var western: String

    init(_ day: LocalDate) {
        name = JapaneseEra.dateName(day)
        iso = day.description
        western = JapaneseEra.westernDateName(day)
    }
}

/// A confirmation page (`confirm-post`) that posts its fields to `action`: the same form again
/// with `confirmed=1` (attendee changes), or just the token (asking the chair to approve minutes).
struct ConfirmPostView {
    struct Field { var name: String; var value: String }
    var pageTitle: String
    var user: PageUser?
    var meetingId: Int64
    var title: String
    var when: String
    var what: String
    var mail: String
    var action: String
    var fields: [Field]
    var button: String
}
