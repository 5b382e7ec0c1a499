import KasaneApp
import Foundation
import HTTPTypes
import Hummingbird
import KasaneCore
import KasaneSQLite
import Logging
import NIOCore

/// /api/v1/cases/:id/consents
struct ConsentController {
    let database: AppDatabase

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get { _, context in
            JSONResponse(try await database.consents(caseId: try context.parameters.id("id"), for: try context.actor()))
        }
        group.post { request, context in
            let input = try await JSON.decode(ConsentInput.self, from: request, context: context)
            let consent = try await database.recordConsent(
                caseId: try context.parameters.id("id"), input, by: try context.actor())
            return JSONResponse(consent, status: .created)
        }
        group.post(":consentId/withdrawal") { request, context in
            let input = try await JSON.decode(WithdrawalInput.self, from: request, context: context)
            return JSONResponse(try await database.withdrawConsent(
                caseId: try context.parameters.id("id"), consentId: try context.parameters.id("consentId"), input,
                by: try context.actor()))
        }
    }
}
