import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneDocuments
import KasaneSQLite
import Logging
import NIOCore

/// Where and how the service runs.
public struct ServiceOptions: Sendable {
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level
    /// Where iMIP e-mails are written; nil sends none.
    public var outbox: String?
    /// A sendmail to hand each e-mail to (`sendmail -t -i`).
    public var sendmail: String?
    public var mailFrom: String
    /// Agendas and minutes templates (a city's folder, checked at start, or the built-in ones).
    public var templates: DocumentTemplates = .builtIn
    /// The city's template folder the administrator's page saves into (`--agendas`); nil keeps the built-in ones.
    public var agendasFolder: URL?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info, outbox: String? = nil,
        sendmail: String? = nil, mailFrom: String = "kasane@localhost"
    ) {
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.outbox = outbox
        self.sendmail = sendmail
        self.mailFrom = mailFrom
    }
}

/// Builds the service on a database and runs it until it is told to stop (SIGTERM, SIGINT).
/// What the command line calls: it needs nothing of the HTTP stack itself.
public func serve(database: AppDatabase, options: ServiceOptions) async throws {
    try await buildApplication(database: database, options: options).runService()
}

/// Assembles the service on a database. An idle connection is closed after the
/// city's `idleSeconds`, so slow or stalled clients cannot hold the server's sockets.
public func buildApplication(database: AppDatabase, options: ServiceOptions) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "kasane")
    logger.logLevel = options.logLevel
    let limits = try await database.settings().inputLimits
    let refusals = UnauthenticatedLog(database: database)
    return Application(
        router: buildRouter(
            database: database,
            postman: options.outbox.map {
                Postman(database: database, outbox: URL(fileURLWithPath: $0), sendmail: options.sendmail, from: options.mailFrom)
            }, templates: TemplateShelf(folder: options.agendasFolder, templates: options.templates), refusals: refusals),
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(limits.idleSeconds)))),
        configuration: .init(address: .hostname(options.host, port: options.port), serverName: "Kasane"),
        services: [ChainHeadPublisher(database: database, logger: logger), UnauthenticatedLogFlusher(log: refusals)],
        logger: logger)
}

/// Wires every route. Everything under /api/v1 needs a bearer token.
public func buildRouter(
    database: AppDatabase, postman: Postman? = nil, templates: TemplateShelf = TemplateShelf(folder: nil, templates: .builtIn)
) -> Router<AppRequestContext> {
    buildRouter(database: database, postman: postman, templates: templates, refusals: UnauthenticatedLog(database: database))
}

func buildRouter(
    database: AppDatabase, postman: Postman?, templates: TemplateShelf, refusals: UnauthenticatedLog
) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestSettingsMiddleware(database: database))
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: PostmanMiddleware(postman: postman))
    router.get("health") { _, _ in JSONResponse(["status": "ok"]) }
    // The published contract, open to anyone: it describes the API, not its data.
    router.get("api/v1/openapi.json") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
    }
    InvitationController(database: database).addFeed(to: router, refusals: refusals)
    router.add(middleware: SameOriginMiddleware(database: database, refusals: refusals))
    WebController(database: database, shelf: templates).addRoutes(to: router)

    let api = router.group("api/v1").add(middleware: AuthMiddleware(database: database, refusals: refusals))
    SettingsController(database: database).addRoutes(to: api)
    AgencyController(database: database).addRoutes(to: api.group("agencies"))
    StaffController(database: database).addRoutes(to: api.group("staff"), pledges: api.group("pledges"))
    ImportController(database: database).addRoutes(to: api.group("import"))
    CaseController(database: database).addRoutes(to: api.group("cases"))
    ConsentController(database: database).addRoutes(to: api.group("cases/:id/consents"))
    ProposalController(database: database).addRoutes(to: api.group("proposals"))
    MeetingController(database: database).addRoutes(to: api.group("meetings"))
    AuditController(database: database).addRoutes(to: api)
    InvitationController(database: database).addRoutes(to: api)
    BusyController(database: database).addRoutes(to: api)
    ScheduleController(database: database).addRoutes(to: api)
    RoomController(database: database).addRoutes(to: api)
    PollController(database: database).addRoutes(to: api)
    SeriesController(database: database).addRoutes(to: api)
    MinutesController(database: database, shelf: templates).addRoutes(to: api)
    PlanController(database: database).addRoutes(to: api)
    TokenAndGrantController(database: database).addRoutes(to: api)
    return router
}
