import Foundation
import HTTPTypes
import Hummingbird
import KasaneApp
import KasaneCore
import KasaneSQLite
import Logging
import NIOCore

/// /api/v1/settings, /api/v1/fields, /api/v1/districts, /api/v1/me
struct SettingsController {
    let database: AppDatabase

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("me") { _, context in JSONResponse(try context.actor().staff) }
        api.get("settings") { _, _ in JSONResponse(try await database.settings()) }
        api.put("settings") { request, context in
            let settings = try await JSON.decode(MunicipalitySettings.self, from: request, context: context)
            return JSONResponse(try await database.updateSettings(settings, by: try context.actor()))
        }
        api.get("fields") { _, _ in JSONResponse(try await database.fields()) }
        api.post("fields") { request, context in
            struct Body: Decodable { let name: String }
            let body = try await JSON.decode(Body.self, from: request, context: context)
            return JSONResponse(try await database.addField(body.name, by: try context.actor()), status: .created)
        }
        api.get("districts") { _, _ in JSONResponse(try await database.districts()) }
        api.post("districts") { request, context in
            let district = try await JSON.decode(District.self, from: request, context: context)
            return JSONResponse(try await database.addDistrict(district, by: try context.actor()), status: .created)
        }
    }
}
