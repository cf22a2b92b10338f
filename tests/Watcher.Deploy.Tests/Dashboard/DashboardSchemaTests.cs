using System.Text.Json;
using Watcher.Testing;
using Watcher.Testing.Processes;

namespace Watcher.Deploy.Tests.Dashboard;

/// <summary>
/// The dashboard JSON against Grafana's own dashboard schema. Grafana publishes it as TypeScript types only
/// (@grafana/schema, no JSON Schema), so the JSON is type-checked as a <c>Dashboard</c> object literal with
/// <c>tsc --strict</c>: a misspelt or unknown property, a string where a number belongs, or a missing required
/// field fails. String enums are widened to their values first, since JSON holds plain strings.
/// </summary>
public sealed class DashboardSchemaTests
{
    private const string HowToGetIt =
        "@grafana/schema and typescript are missing. Run eng/install-tools.sh grafana-schema (./test.sh runs it), which installs them with 'npm ci' from tests/Watcher.Deploy.Tests/Dashboard/schema/package-lock.json into .tools/grafana-schema.";

    [Fact]
    public void Dashboard_Json_TypeChecksAsGrafanasDashboardSchema()
    {
        var node = Tool.Find("node", "node is missing. Run eng/install-tools.sh node as root (./test.sh runs it), which installs Debian's nodejs and npm; or apt-get install nodejs npm.");
        var modules = Path.Combine(SchemaFolder(), "node_modules");
        var tsc = Path.Combine(modules, "typescript", "bin", "tsc");
        Assert.True(File.Exists(tsc) && Directory.Exists(Path.Combine(modules, "@grafana", "schema")), HowToGetIt);

        // Inside the install folder, so that "@grafana/schema" resolves to its node_modules.
        var folder = Directory.CreateDirectory(Path.Combine(SchemaFolder(), $"check-{Guid.NewGuid():N}")).FullName;
        try
        {
            var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Chart, "files", "dashboard.json"))).RootElement.GetRawText();
            File.WriteAllText(Path.Combine(folder, "dashboard.ts"), $$"""
                import type { Dashboard } from "@grafana/schema";

                // A string enum's members as the plain strings JSON holds; everything else as the schema says.
                type Loose<T> = T extends string ? `${T}` : T extends readonly (infer U)[] ? Loose<U>[] : T extends object ? { [K in keyof T]: Loose<T[K]> } : T;

                export const dashboard: Loose<Dashboard> = {{json}};
                """);
            File.WriteAllText(Path.Combine(folder, "tsconfig.json"), """
                { "compilerOptions": { "strict": true, "noEmit": true, "skipLibCheck": true, "module": "esnext", "moduleResolution": "bundler", "target": "es2022" }, "files": ["dashboard.ts"] }
                """);

            var result = node.Run([tsc, "-p", "tsconfig.json"], folder);

            Assert.True(result.ExitCode == 0, $"The dashboard does not fit @grafana/schema's Dashboard:\n{result}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Beside the tools' bin folder: .tools/grafana-schema, where eng/install-tools.sh installs the pinned packages.</summary>
    private static string SchemaFolder()
    {
        var bin = Environment.GetEnvironmentVariable("WATCHER_TOOLS_DIR") is { Length: > 0 } tools ? tools : Path.Combine(Repository.Root, ".tools", "bin");
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(bin).TrimEnd(Path.DirectorySeparatorChar))!, "grafana-schema");
    }
}
