namespace Observer.Actors.Tests.Persistence;

/// <summary>The checkout's root: the directory holding AxomObserver.sln, found from the test binaries upwards.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AxomObserver.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"AxomObserver.sln not found above {AppContext.BaseDirectory}");
    }
}
