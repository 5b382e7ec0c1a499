import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Logs method, path, status and the acting staff id; never a body or a query,
/// which may carry personal data.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            let response = try await next(request, context)
            context.logger.info("\(request.method) \(request.uri.path) \(response.status.code)")
            return response
        } catch let error as any HTTPResponseError {
            context.logger.info("\(request.method) \(request.uri.path) \(error.status.code)")
            throw error
        }
    }
}
