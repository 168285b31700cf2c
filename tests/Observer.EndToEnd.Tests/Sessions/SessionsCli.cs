using System.Text.Json;
using Observer.EndToEnd.Tests.Infrastructure;

namespace Observer.EndToEnd.Tests.Sessions;

/// <summary>Runs <c>axom-observer sessions …</c> against a data dir and waits for recorded sessions to show up.</summary>
public static class SessionsCli
{
    public static async Task<string> RunAsync(string dataDir, params string[] arguments)
    {
        var (exit, stdout, stderr) = await ObserverProcess.RunToEndAsync(["sessions", .. arguments, "--data-dir", dataDir]);
        Assert.True(exit == 0, $"sessions {string.Join(' ', arguments)} exited {exit}:\n{stdout}\n{stderr}");
        return stdout;
    }

    /// <summary>Polls <c>sessions list --json</c> until a session matches (the index is written after the journal).</summary>
    public static async Task<JsonElement> WaitForSessionAsync(string dataDir, Func<JsonElement, bool> match, ObserverProcess? observer = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await RunAsync(dataDir, "list", "--json");
            var found = JsonDocument.Parse(last).RootElement.EnumerateArray().Where(match).ToList();
            if (found.Count > 0)
            {
                return found[0];
            }

            await Task.Delay(300);
        }

        throw new TimeoutException($"no matching session recorded; last list:\n{last}\n{observer?.Output}");
    }

    /// <summary>Polls <c>sessions show --json</c> (the journal itself) until the recorded session matches.</summary>
    public static async Task<JsonElement> WaitForRecordedAsync(string dataDir, string sessionId, Func<JsonElement, bool> match, ObserverProcess? observer = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await RunAsync(dataDir, "show", sessionId, "--json");
            var session = JsonDocument.Parse(last).RootElement;
            if (match(session))
            {
                return session;
            }

            await Task.Delay(300);
        }

        throw new TimeoutException($"session {sessionId} never matched; last show:\n{last}\n{observer?.Output}");
    }

    public static bool HasDestination(JsonElement session, string destination) =>
        session.GetProperty("destinations").EnumerateArray().Any(d => d.GetString() == destination);
}
