using Watcher.Testing.Processes;

namespace Watcher.Testing.Deployment;

/// <summary>
/// eng/manifest-validator: checks rendered manifests against Kubernetes' OpenAPI schemas and prometheus-operator's
/// CRD schemas, and fails on a kind it has no schema for. Exit 0: all valid; 1: invalid or unknown; 2: unreadable.
/// </summary>
public static class ManifestValidator
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    public static string Directory => Repository.File("eng", "manifest-validator");

    public static ProcessResult Validate(string manifests)
    {
        var node = Tool.Node;
        Assert.True(
            System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "kubernetes-models")),
            $"The manifest validator's npm packages are missing. Run eng/install-tools.sh manifest-validator (./test.sh runs it), or 'npm ci' in {Directory}.");
        return ChildProcess.Run(node.Path, [Path.Combine(Directory, "validate-manifests.mjs"), "-"], RunTimeout, Directory, manifests);
    }
}
