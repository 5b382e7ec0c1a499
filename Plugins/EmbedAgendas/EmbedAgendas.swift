import Foundation
import PackagePlugin

/// Embeds the templates of the top-level `Agendas/` folder into KasaneDocuments, as
/// the built-in templates that stand in when a city's own are missing or broken.
@main
struct EmbedAgendas: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Agendas")
        var inputs: [URL] = []
        if let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            while let url = files.nextObject() as? URL {
                if url.pathExtension == "mustache" { inputs.append(url) }
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInAgendas.swift")
        return [
            .buildCommand(
                displayName: "Embedding the templates of Agendas/",
                executable: try context.tool(named: "embed-agendas").url,
                arguments: [folder.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output])
        ]
    }
}
