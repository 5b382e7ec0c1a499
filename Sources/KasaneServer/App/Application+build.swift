import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneStore
import Logging
import NIOCore

/// Where and how the service runs.
public struct ServiceOptions: Sendable {
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level

    public init(host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info) {
        self.host = host
        self.port = port
        self.logLevel = logLevel
    }
}

/// Assembles the service on a database.
public func buildApplication(database: AppDatabase, options: ServiceOptions) -> some ApplicationProtocol {
    var logger = Logger(label: "kasane")
    logger.logLevel = options.logLevel
    return Application(
        router: buildRouter(database: database),
        configuration: .init(address: .hostname(options.host, port: options.port), serverName: "Kasane"),
        logger: logger)
}

/// Wires every route. Everything under /api/v1 needs a bearer token.
public func buildRouter(database: AppDatabase) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: RequestLogMiddleware())
    router.get("health") { _, _ in JSONResponse(["status": "ok"]) }

    let api = router.group("api/v1").add(middleware: AuthMiddleware(database: database))
    SettingsController(database: database).addRoutes(to: api)
    AgencyController(database: database).addRoutes(to: api.group("agencies"))
    StaffController(database: database).addRoutes(to: api.group("staff"), pledges: api.group("pledges"))
    ImportController(database: database).addRoutes(to: api.group("import"))
    CaseController(database: database).addRoutes(to: api.group("cases"))
    ConsentController(database: database).addRoutes(to: api.group("cases/:id/consents"))
    ProposalController(database: database).addRoutes(to: api.group("proposals"))
    MeetingController(database: database).addRoutes(to: api.group("meetings"))
    AuditController(database: database).addRoutes(to: api)
    return router
}
