import Foundation
import PackagePlugin

/// Embeds Mustache templates into a target's binary: for KasaneDocuments the top-level
/// `Agendas/` (the built-in templates that stand in when a city's own are missing or
/// broken), for any other target its own `Pages/` folder (the web pages).
@main
struct EmbedAgendas: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let documents = target.name == "KasaneDocuments"
        let folder = documents
            ? context.package.directoryURL.appending(path: "Agendas")
            : context.package.directoryURL.appending(path: "Sources/\(target.name)/Pages")
        let name = documents ? "BuiltInAgendas" : "BuiltInPages"
        var inputs: [URL] = []
        if let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            while let url = files.nextObject() as? URL {
                if ["mustache", "css", "js"].contains(url.pathExtension) { inputs.append(url) }
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(name).swift")
        return [
            .buildCommand(
                displayName: "Embedding the templates of \(folder.lastPathComponent)/",
                executable: try context.tool(named: "embed-agendas").url,
                arguments: [folder.path, output.path, name],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output])
        ]
    }
}
