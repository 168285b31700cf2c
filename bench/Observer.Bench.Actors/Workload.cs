using System.Text;
using System.Text.Json.Nodes;
using Observer.Contracts.Exchanges;

namespace Observer.Bench.Actors;

/// <summary>
/// Realistic chat exchanges: each agent runs three-turn conversations over one keep-alive connection, each request
/// re-sending the history (so conversation hashing and matching do real work), real OpenAI JSON bodies.
/// </summary>
internal static class Workload
{
    public static ExchangeRecord[] Build(int agents, int callsPerAgent, DateTimeOffset start)
    {
        var records = new List<ExchangeRecord>(agents * callsPerAgent);
        for (var agent = 0; agent < agents; agent++)
        {
            var connection = new ConnectionId($"bench-conn-{agent}");
            var history = new JsonArray(new JsonObject { ["role"] = "system", ["content"] = "You are a friendly customer support agent for Acme." });
            for (var call = 0; call < callsPerAgent; call++)
            {
                if (call % 3 == 0)
                {
                    history = new JsonArray(new JsonObject { ["role"] = "system", ["content"] = "You are a friendly customer support agent for Acme." });
                }

                var user = $"Customer {agent}-{call / 3}: where is my order #{call}?";
                history.Add(new JsonObject { ["role"] = "user", ["content"] = user });
                var reply = $"Order #{call} ships today and arrives in two days.";
                var at = start.AddMilliseconds((call * 50) + agent);
                records.Add(Chat(connection, agent, call, at, history, reply));
                history.Add(new JsonObject { ["role"] = "assistant", ["content"] = reply });
            }
        }

        // Interleave agents as concurrent traffic would arrive.
        return [.. records.OrderBy(r => r.StartedAt)];
    }

    private static ExchangeRecord Chat(ConnectionId connection, int agent, int call, DateTimeOffset at, JsonArray history, string reply)
    {
        var request = Encoding.UTF8.GetBytes(new JsonObject { ["model"] = "gpt-4o-mini", ["messages"] = history.DeepClone() }.ToJsonString());
        var response = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["id"] = $"chatcmpl-{agent}-{call}",
            ["object"] = "chat.completion",
            ["model"] = "gpt-4o-mini-2024-07-18",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 12, ["total_tokens"] = 132 },
        }.ToJsonString());
        return new ExchangeRecord
        {
            ExchangeId = Guid.CreateVersion7(at).ToString(),
            Connection = connection,
            Sequence = call,
            ClientIp = "127.0.0.1",
            ClientPort = 40000 + agent,
            Protocol = "https",
            HttpVersion = "1.1",
            Method = "POST",
            Host = "api.openai.com",
            Port = 443,
            Path = "/v1/chat/completions",
            DestinationPort = 443,
            RequestHeaders = new HeaderList([new("Content-Type", "application/json"), new("Authorization", "[REDACTED]"), new("X-Axom-Agent-Id", $"agent-{agent}")]),
            ResponseHeaders = new HeaderList([new("Content-Type", "application/json")]),
            Status = 200,
            RequestBytes = request.Length,
            ResponseBytes = response.Length,
            StartedAt = at,
            TtfbMs = 30,
            LatencyMs = 40,
            RequestBody = request,
            ResponseBody = response,
        };
    }
}
