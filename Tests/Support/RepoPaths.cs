namespace Sourcing.Tests.Support;

/// <summary>Finds the repository root (where Sourcing.sln is) and the shared fixtures beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/fixtures relative to the repository root.</summary>
    public static string Fixtures { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures"));

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sourcing.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Sourcing.sln not found above " + AppContext.BaseDirectory);
    }
}
