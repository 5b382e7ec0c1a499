import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import Logging
import NIOCore

/// The one place where failures become HTTP responses: a JSON body
/// `{"error": {"status", "message", "field"?, "rows"?}}` with the message in Japanese.
struct APIError: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String
    let field: String?
    let rows: [RowProblem]?

    init(status: HTTPResponse.Status, message: String, field: String? = nil, rows: [RowProblem]? = nil) {
        self.status = status
        self.message = message
        self.field = field
        self.rows = rows
    }

    init(_ error: KasaneError) {
        switch error {
        case .invalid(let field, let message): self.init(status: .badRequest, message: message, field: field)
        case .notFound(let m): self.init(status: .notFound, message: m)
        case .conflict(let m), .ruleViolation(let m): self.init(status: .conflict, message: m)
        case .forbidden(let m): self.init(status: .forbidden, message: m)
        case .unauthenticated(let m): self.init(status: .unauthorized, message: m)
        case .rejectedRows(let rows): self.init(status: .badRequest, message: error.message, rows: rows)
        case .unusableDatabase(let m): self.init(status: .internalServerError, message: m)
        case .unavailable(let m): self.init(status: .notImplemented, message: m)
        }
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            let status: Int
            let message: String
            let field: String?
            let rows: [RowProblem]?
        }
        let error: Detail
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(error: .init(status: status.code, message: message, field: field, rows: rows))
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"kasane\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try JSON.encode(body))))
    }
}

/// Turns every thrown error into an `APIError`. An error that is not a `KasaneError`
/// is a bug: it is logged (with no request body) and answered with a plain 500.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as KasaneError {
            throw APIError(error)
        } catch let error as HTTPError {
            throw APIError(status: error.status, message: Self.message(for: error.status))
        } catch {
            context.logger.error("unhandled error", metadata: ["type": "\(type(of: error))", "path": "\(request.uri.path)"])
            throw APIError(status: .internalServerError, message: "サーバー内部でエラーが発生しました。データは変更されていません。")
        }
    }

    static func message(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "そのURLはありません。"
        case .methodNotAllowed: "そのURLではこの操作はできません。"
        case .contentTooLarge: "送信されたデータが大きすぎます。"
        default: "リクエストを処理できませんでした（\(status.code)）。"
        }
    }
}
