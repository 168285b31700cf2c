using System.Reflection;

namespace Observer.Backend.Dashboard;

/// <summary>Serves the dashboard's static files, embedded in the assembly under <c>dashboard/</c>.</summary>
public static class DashboardEndpoints
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        var files = Load();
        app.MapGet("/", () => Serve(files, "index.html"));
        app.MapGet("/dashboard/{file}", (string file) => Serve(files, file));
    }

    private static IResult Serve(IReadOnlyDictionary<string, byte[]> files, string name) =>
        files.TryGetValue(name, out var content)
            ? Results.Bytes(content, ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"))
            : Results.NotFound();

    private static Dictionary<string, byte[]> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("dashboard/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[resource["dashboard/".Length..]] = copy.ToArray();
        }

        return files;
    }
}
