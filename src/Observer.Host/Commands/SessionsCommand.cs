using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Observer.Actors.Recording;
using Observer.Host.Cli;
using Observer.Host.Configuration;
using Observer.Host.Sessions;

namespace Observer.Host.Commands;

/// <summary>
/// <c>axom-observer sessions list|show|replay|export</c>: recorded sessions in the configured journal (docs/sessions.md),
/// whether or not an observer is running on it.
/// </summary>
public static class SessionsCommand
{
    public static Command Create(Func<ParseResult, ObserverSettings> settings)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text" };
        var agent = new Option<string>("--agent") { Description = "Only sessions that carried this agent id" };
        var provider = new Option<string>("--provider") { Description = "Only sessions with a call to this provider (slug)" };
        var since = new Option<string>("--since") { Description = "Only sessions active since this time (RFC 3339) or this long ago (e.g. 2h)" };
        var until = new Option<string>("--until") { Description = "Only sessions started before this time (RFC 3339) or this long ago" };
        var status = new Option<string>("--status") { Description = "open, closed or errors (had a failed exchange)" };
        var limit = new Option<int>("--limit") { Description = "At most this many sessions (newest first)", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "List recorded sessions: time, client, destinations, exchanges, AI calls, errors") { agent, provider, since, until, status, limit, json };
        list.SetAction((parse, ct) => RunAsync(async () =>
        {
            var filter = new SessionFilter(parse.GetValue(agent), parse.GetValue(provider), Time(parse.GetValue(since)), Time(parse.GetValue(until)), Status(parse.GetValue(status)), parse.GetValue(limit));
            var store = SessionReader.Create(settings(parse)).Store;
            await store.RepairIndexAsync(10_000, ct).ConfigureAwait(false);
            var rows = await store.ListAsync(filter, ct).ConfigureAwait(false);
            SessionsPrinter.List(Console.Out, rows, parse.GetValue(json));
            return 0;
        }));

        var id = new Argument<string>("session-id") { Description = "The session id (from 'sessions list')" };
        var show = new Command("show", "Print a session's timeline: each exchange with status, timings, detected provider/model/tokens, task") { id, json };
        show.SetAction((parse, ct) => RunAsync(async () =>
        {
            var session = await SessionReader.Create(settings(parse)).LoadAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            SessionsPrinter.Timeline(Console.Out, session, parse.GetValue(json));
            return 0;
        }));

        var resend = new Option<bool>("--resend") { Description = "Re-send the recorded requests (with bodies) to the upstream and print status and timing" };
        var target = new Option<string>("--target") { Description = "With --resend: send to this URL's scheme, host and port instead of the original upstream" };
        var replay = new Command("replay", "Re-run a session through the current detection and task correlation and diff with what was produced then") { id, resend, target, json };
        replay.SetAction((parse, ct) => RunAsync(async () =>
        {
            var observer = settings(parse);
            var session = await SessionReader.Create(observer).LoadAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            if (parse.GetValue(resend))
            {
                return await SessionsPrinter.ResendAsync(Console.Out, session, TargetUri(parse.GetValue(target)), ct).ConfigureAwait(false);
            }

            SessionsPrinter.Replay(Console.Out, session, SessionReader.Replay(session, observer), parse.GetValue(json));
            return 0;
        }));

        var har = new Option<string>("--har") { Description = "Write the session as a HAR 1.2 file", Required = true, HelpName = "file" };
        var export = new Command("export", "Export a session as a HAR 1.2 file (Chrome DevTools and other HAR viewers open it)") { id, har };
        export.SetAction((parse, ct) => RunAsync(async () =>
        {
            var session = await SessionReader.Create(settings(parse)).LoadAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            var file = parse.GetValue(har)!;
            await using (var stream = File.Create(file))
            {
                HarExport.Write(stream, session, Runtime.ObserverApplication.Version);
            }

            Console.Out.WriteLine($"wrote {session.Exchanges.Count} entries to {file}");
            return 0;
        }));

        return new Command("sessions", "Inspect, replay and export recorded sessions") { list, show, replay, export };
    }

    private static Task<int> RunAsync(Func<Task<int>> action) => CliErrors.GuardAsync(async () =>
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException or KeyNotFoundException or Observer.Providers.ProvidersConfigurationException or InvalidDataException)
        {
            Console.Error.WriteLine($"axom-observer: {ex.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    });

    private static DateTimeOffset? Time(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        return ValueParsers.Duration(text, out var ago) is null
            ? DateTimeOffset.UtcNow - ago
            : throw new ArgumentException($"'{text}' is neither an RFC 3339 time nor a duration");
    }

    private static string? Status(string? text) =>
        text is null || SessionFilter.Statuses.Contains(text) ? text : throw new ArgumentException($"--status '{text}' is not one of {string.Join(", ", SessionFilter.Statuses)}");

    private static Uri? TargetUri(string? text) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new ArgumentException($"--target '{text}' is not an http(s) URL");
}
