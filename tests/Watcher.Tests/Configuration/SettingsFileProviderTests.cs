using Microsoft.Extensions.Configuration;
using Watcher.Configuration;
using Watcher.Testing.Deployment;
using Watcher.Testing.Hosting;

namespace Watcher.Tests.Configuration;

public sealed class SettingsFileProviderTests : IDisposable
{
    private const string Good = """{ "Logging": { "LogLevel": { "Default": "Warning" } }, "Watcher": { "PollInterval": "00:00:30" } }""";
    private const string Other = """{ "Logging": { "LogLevel": { "Default": "Debug" } }, "Watcher": { "PollInterval": "00:05:00" } }""";

    private readonly string _folder = Directory.CreateTempSubdirectory("watcher-settings-").FullName;

    private string FilePath => Path.Combine(_folder, SettingsFile.Name);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reload_WhenTheFileIsTruncated_KeepsItsLastGoodDataAndNamesTheFileAndTheParseError()
    {
        var (root, provider) = LoadGoodThenReload(Other[..(Other.Length / 2)]);

        Assert.Equal("Warning", root["Logging:LogLevel:Default"]);
        Assert.Equal("00:00:30", root["Watcher:PollInterval"]);
        Assert.StartsWith($"{FilePath} is not valid JSON: ", provider.Problem, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 0 | BytePositionInLine:", provider.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\r\n ")]
    [InlineData("\uFEFF\n")]
    public void Reload_WhenTheFileIsEmpty_KeepsItsLastGoodDataAndSaysItIsEmpty(string text)
    {
        var (root, provider) = LoadGoodThenReload(text);

        Assert.Equal("Warning", root["Logging:LogLevel:Default"]);
        Assert.Equal($"{FilePath} is empty", provider.Problem);
    }

    [Fact]
    public void Reload_WhenTheFileHasGone_KeepsItsLastGoodDataAndSaysItIsMissing()
    {
        File.WriteAllText(FilePath, Good);
        var (root, provider) = Build(FilePath);

        File.Delete(FilePath);
        root.Reload();

        Assert.Equal("00:00:30", root["Watcher:PollInterval"]);
        Assert.Equal($"{FilePath} is missing", provider.Problem);
    }

    [Fact]
    public void Reload_WhenABadFileIsRepaired_LoadsItAndClearsTheProblem()
    {
        File.WriteAllText(FilePath, Good);
        var (root, provider) = Build(FilePath);
        File.WriteAllText(FilePath, "{");
        root.Reload();
        Assert.NotNull(provider.Problem);

        File.WriteAllText(FilePath, Other);
        Assert.True(provider.HasChanged());
        root.Reload();

        Assert.Null(provider.Problem);
        Assert.Equal("00:05:00", root["Watcher:PollInterval"]);
        Assert.Equal("Debug", root["Logging:LogLevel:Default"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"Watcher\": ")]
    public void Load_AtStartWithABadFile_ThrowsNamingTheFile(string text)
    {
        File.WriteAllText(FilePath, text);

        var ex = Assert.Throws<InvalidDataException>(() => Build(FilePath));

        Assert.StartsWith($"{FilePath} is ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenAnOptionalFileIsAbsentThenAppears_LoadsNothingThenIt()
    {
        var (root, provider) = Build(FilePath);
        Assert.Null(provider.Problem);
        Assert.False(provider.HasChanged());

        File.WriteAllText(FilePath, Good);
        Assert.True(provider.HasChanged());
        root.Reload();

        Assert.Null(provider.Problem);
        Assert.Equal("00:00:30", root["Watcher:PollInterval"]);
    }

    [Fact]
    public void HasChanged_WhenTheKubeletSwapsTheDataLink_IsTrueUntilReloadedAndFalseForTheSameContent()
    {
        using var volume = ConfigMapVolume.Create(new Dictionary<string, string> { [SettingsFile.Name] = Good });
        var (root, provider) = Build(Path.Combine(volume.Path, SettingsFile.Name));
        Assert.False(provider.HasChanged());

        volume.Update(new Dictionary<string, string> { [SettingsFile.Name] = Other });
        Assert.True(provider.HasChanged());
        root.Reload();
        Assert.False(provider.HasChanged());
        Assert.Equal("00:05:00", root["Watcher:PollInterval"]);

        // A new timestamped folder with the same content is no change.
        volume.Update(new Dictionary<string, string> { [SettingsFile.Name] = Other });
        Assert.False(provider.HasChanged());
    }

    /// <summary>Loads <see cref="Good"/>, then writes <paramref name="text"/> over it and reloads.</summary>
    private (IConfigurationRoot Root, SettingsFileProvider Provider) LoadGoodThenReload(string text)
    {
        File.WriteAllText(FilePath, Good);
        var (root, provider) = Build(FilePath);
        File.WriteAllText(FilePath, text);
        root.Reload();
        return (root, provider);
    }

    private static (IConfigurationRoot Root, SettingsFileProvider Provider) Build(string path)
    {
        var root = new ConfigurationBuilder()
            .Add(new SettingsFileSource { FullPath = path, Path = Path.GetFileName(path), Optional = true })
            .Build();
        return (root, root.Providers.OfType<SettingsFileProvider>().Single());
    }
}
