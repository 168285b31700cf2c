using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Observer.Actors.Recording;

namespace Observer.Host.Sessions;

/// <summary>Text and JSON output of the <c>sessions</c> commands.</summary>
public static class SessionsPrinter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void List(TextWriter output, IReadOnlyList<SessionSummary> rows, bool json)
    {
        if (json)
        {
            output.WriteLine(new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["session_id"] = r.SessionId,
                ["started_at"] = Time(r.StartedAt),
                ["last_at"] = Time(r.LastAt),
                ["closed_at"] = r.ClosedAt is { } closed ? Time(closed) : null,
                ["client"] = r.Client,
                ["agents"] = new JsonArray([.. r.Agents.Select(a => (JsonNode)a)]),
                ["destinations"] = new JsonArray([.. r.Destinations.Select(d => (JsonNode)d)]),
                ["providers"] = new JsonArray([.. r.Providers.Select(p => (JsonNode)p)]),
                ["exchanges"] = r.Exchanges,
                ["ai_calls"] = r.AiCalls,
                ["errors"] = r.Errors,
                ["bytes"] = r.Bytes,
                ["bodies_recorded"] = r.BodiesRecorded,
                ["last_sequence_nr"] = r.LastSequenceNr,
            })]).ToJsonString(Indented));
            return;
        }

        output.WriteLine("SESSION                               STARTED                   CLIENT                 EXCH  AI  ERR  DESTINATIONS");
        foreach (var r in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.SessionId,-37} {Time(r.StartedAt),-25} {r.Client,-22} {r.Exchanges,4} {r.AiCalls,3} {r.Errors,4}  {string.Join(',', r.Destinations)}{(r.ClosedAt is null ? " (open)" : "")}"));
        }

        output.WriteLine($"{rows.Count} sessions");
    }

    public static void Timeline(TextWriter output, RecordedSession session, bool json)
    {
        if (json)
        {
            output.WriteLine(new JsonObject
            {
                ["session_id"] = session.SessionId,
                ["client"] = session.Opened is { } o ? $"{o.ClientIp}:{o.ClientPort}" : null,
                ["opened_at"] = session.Opened is { } op ? Time(op.OpenedAt) : null,
                ["closed_at"] = session.ClosedAt is { } c ? Time(c) : null,
                ["exchanges"] = new JsonArray([.. session.Exchanges.Select(x => (JsonNode)ExchangeJson(x, session.CallsAtTheTime.GetValueOrDefault(x.Exchange.ExchangeId)))]),
            }.ToJsonString(Indented));
            return;
        }

        var first = session.Exchanges.FirstOrDefault()?.Exchange;
        var client = session.Opened is { } opened ? $"{opened.ClientIp}:{opened.ClientPort}" : first is null ? "?" : $"{first.ClientIp}:{first.ClientPort}";
        output.WriteLine($"session {session.SessionId}  client {client}  opened {(session.Opened is { } op2 ? Time(op2.OpenedAt) : "?")}  closed {(session.ClosedAt is { } closed ? Time(closed) : "-")}");
        foreach (var recorded in session.Exchanges)
        {
            output.WriteLine(Line(recorded, session.CallsAtTheTime.GetValueOrDefault(recorded.Exchange.ExchangeId)));
        }

        output.WriteLine($"{session.Exchanges.Count} exchanges, {session.CallsAtTheTime.Count} AI calls{(session.BodiesRecorded ? "" : " (bodies not recorded)")}");
    }

    public static void Replay(TextWriter output, RecordedSession session, IReadOnlyList<SessionReplay.Step> steps, bool json)
    {
        var differing = steps.Count(s => s.Differences.Count > 0);
        if (json)
        {
            output.WriteLine(new JsonObject
            {
                ["session_id"] = session.SessionId,
                ["differences"] = differing,
                ["steps"] = new JsonArray([.. steps.Select(s => (JsonNode)new JsonObject
                {
                    ["exchange_id"] = s.Exchange.Exchange.ExchangeId,
                    ["then"] = s.Then is null ? null : CallJson(s.Then),
                    ["now"] = s.Now is null ? null : CallJson(s.Now),
                    ["now_task"] = s.NowTaskLabel,
                    ["diff"] = new JsonArray([.. s.Differences.Select(d => (JsonNode)d)]),
                })]),
            }.ToJsonString(Indented));
            return;
        }

        output.WriteLine($"replay of session {session.SessionId} through the current catalog and task rules (no network)");
        foreach (var step in steps)
        {
            var x = step.Exchange.Exchange;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#{x.Sequence} {x.Method} {x.Host}:{x.Port}{x.Path} -> {x.Status}"));
            output.WriteLine($"    then: {Call(step.Then)}");
            output.WriteLine($"    now:  {Call(step.Now, step.NowTaskLabel)}");
            foreach (var diff in step.Differences)
            {
                output.WriteLine($"    diff: {diff}");
            }
        }

        output.WriteLine($"{steps.Count} exchanges replayed, {steps.Count(s => s.Now is not null)} AI calls now ({steps.Count(s => s.Then is not null)} then), {differing} with differences");
    }

    public static async Task<int> ResendAsync(TextWriter output, RecordedSession session, Uri? target, CancellationToken cancellationToken)
    {
        if (SessionResender.RefusalReason(session) is { } reason)
        {
            Console.Error.WriteLine($"axom-observer: {reason}");
            return 1;
        }

        output.WriteLine("note: query values of key-bearing parameters (key, api_key, token, ...) were redacted when recorded; credential headers are not re-sent");
        using var client = SessionResender.CreateClient(TimeSpan.FromSeconds(100));
        var results = await new SessionResender(client).ResendAsync(session, target, cancellationToken).ConfigureAwait(false);
        foreach (var r in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#{r.Sequence} {r.Method} {r.Url} -> {(r.Error is null ? r.Status.ToString(CultureInfo.InvariantCulture) : "error: " + r.Error)} ({r.ElapsedMs:F1} ms)"));
        }

        return results.All(r => r.Error is null) ? 0 : 1;
    }

    private static string Line(RecordingEvents.ExchangeRecorded recorded, RecordedCall? call)
    {
        var x = recorded.Exchange;
        var ttfb = x.TtfbMs is { } t ? t.ToString("F1", CultureInfo.InvariantCulture) : "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"#{x.Sequence} {x.StartedAt.UtcDateTime:HH:mm:ss.fff} {x.Method} {x.Host}:{x.Port}{x.Path} {x.Status} ttfb {ttfb} ms total {x.LatencyMs:F1} ms  {Call(call)}");
    }

    // A replay's task ids are fresh each run: it shows the grouping label (task-1, task-2…) instead.
    private static string Call(RecordedCall? call, string? taskLabel = null) => call is null
        ? "not detected"
        : string.Create(CultureInfo.InvariantCulture,
            $"{call.Provider}/{call.Operation} model {call.Model ?? "-"} tokens {call.Usage.InputTokens?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{call.Usage.OutputTokens?.ToString(CultureInfo.InvariantCulture) ?? "-"} ({call.UsageSource}) task {taskLabel ?? call.TaskId ?? "-"}");

    private static JsonObject ExchangeJson(RecordingEvents.ExchangeRecorded recorded, RecordedCall? call)
    {
        var x = recorded.Exchange;
        return new JsonObject
        {
            ["exchange_id"] = x.ExchangeId,
            ["sequence"] = x.Sequence,
            ["started_at"] = Time(x.StartedAt),
            ["method"] = x.Method,
            ["host"] = x.Host,
            ["port"] = x.Port,
            ["path"] = x.Path,
            ["status"] = x.Status,
            ["ttfb_ms"] = x.TtfbMs,
            ["latency_ms"] = x.LatencyMs,
            ["agent_id"] = recorded.AgentId,
            ["call"] = call is null ? null : CallJson(call),
        };
    }

    private static JsonObject CallJson(RecordedCall call) => new()
    {
        ["provider"] = call.Provider,
        ["operation"] = call.Operation,
        ["model"] = call.Model,
        ["input_tokens"] = call.Usage.InputTokens,
        ["output_tokens"] = call.Usage.OutputTokens,
        ["usage_source"] = call.UsageSource,
        ["task_id"] = call.TaskId,
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
