using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Observer.DemoAI.Agent;

/// <summary>Sends the agent's requests, reads each response to its end, records and prints what happened.</summary>
public sealed class AgentSession(HttpClient http, TextWriter output, string? agentId)
{
    public const string TaskIdHeader = "X-Axom-Task-Id";
    public const string ScenarioHeader = "X-Axom-Property-Scenario";

    /// <summary>Records kept for the report; an endless run keeps only the latest.</summary>
    public const int MaxKeptCalls = 1000;

    private readonly Queue<AgentCallRecord> _calls = new();

    public int Round { get; set; }

    public IReadOnlyList<AgentCallRecord> Calls => [.. _calls];

    public long TotalCalls { get; private set; }

    public long UnexpectedCalls { get; private set; }

    public async Task<JsonNode?> JsonAsync(
        string task, string url, JsonObject body, IReadOnlyDictionary<string, string> headers, int expectedStatus = 200,
        string? taskId = null, CancellationToken cancellationToken = default, HttpContent? content = null)
    {
        var (status, bytes, elapsed) = await SendAsync(task, url, content ?? Json(body), headers, taskId, cancellationToken);
        JsonNode? json = null;
        try
        {
            json = bytes.Length == 0 ? null : JsonNode.Parse(bytes);
        }
        catch (System.Text.Json.JsonException)
        {
            json = null;
        }

        var note = json?["error"] is { } error ? "error " + (error["type"] ?? error["status"] ?? error)?.ToString() : $"{bytes.Length} bytes JSON";
        Record(task, url, status, elapsed, note, status == expectedStatus && (status >= 400 || json is not null), taskId);
        return json;
    }

    /// <summary>Posts a streaming request and returns the <c>data:</c> payloads of its SSE events.</summary>
    public async Task<IReadOnlyList<string>> StreamAsync(
        string task, string url, JsonObject body, IReadOnlyDictionary<string, string> headers,
        string? taskId = null, CancellationToken cancellationToken = default)
    {
        var (status, bytes, elapsed) = await SendAsync(task, url, Json(body), headers, taskId, cancellationToken);
        var events = Encoding.UTF8.GetString(bytes).Split('\n')
            .Where(l => l.StartsWith("data:", StringComparison.Ordinal))
            .Select(l => l["data:".Length..].Trim())
            .ToList();
        Record(task, url, status, elapsed, $"stream of {events.Count} events", status == 200 && events.Count > 0, taskId);
        return events;
    }

    public async Task<byte[]> BytesAsync(
        string task, string url, HttpContent content, IReadOnlyDictionary<string, string> headers, string expectedContentType,
        string? taskId = null, CancellationToken cancellationToken = default)
    {
        var (status, bytes, elapsed) = await SendAsync(task, url, content, headers, taskId, cancellationToken);
        Record(task, url, status, elapsed, $"{bytes.Length} bytes {expectedContentType}", status == 200 && bytes.Length > 0, taskId);
        return bytes;
    }

    private async Task<(int Status, byte[] Body, double ElapsedMs)> SendAsync(
        string task, string url, HttpContent content, IReadOnlyDictionary<string, string> headers, string? taskId,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation(ScenarioHeader, task);
        if (taskId is not null)
        {
            request.Headers.TryAddWithoutValidation(TaskIdHeader, taskId);
        }

        if (agentId is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Axom-Agent-Id", agentId);
        }

        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return ((int)response.StatusCode, body, clock.Elapsed.TotalMilliseconds);
    }

    private void Record(string task, string url, int status, double elapsedMs, string note, bool asExpected, string? taskId)
    {
        var call = new AgentCallRecord(Round, task, "POST", url, status, elapsedMs, note, asExpected, taskId);
        Add(call);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[round {Round}] {task,-14} POST {url} -> {status} in {elapsedMs:F0} ms: {note}{(taskId is null ? "" : $" (task id {taskId})")}{(asExpected ? "" : "  UNEXPECTED")}"));
    }

    /// <summary>Records a call that could not be made at all (connection or TLS failure).</summary>
    public void RecordFailure(string task, string message) => Add(new AgentCallRecord(Round, task, "POST", "", 0, 0, message, false, null));

    private void Add(AgentCallRecord call)
    {
        TotalCalls++;
        UnexpectedCalls += call.AsExpected ? 0 : 1;
        _calls.Enqueue(call);
        if (_calls.Count > MaxKeptCalls)
        {
            _calls.Dequeue();
        }
    }

    private static StringContent Json(JsonObject body) =>
        new(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
