namespace Observer.Backend.Tests.Support;

/// <summary>Finds the repository root (the folder holding AxomObserver.sln) from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AxomObserver.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("AxomObserver.sln not found above " + AppContext.BaseDirectory);
    }
}
