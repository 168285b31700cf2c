using Microsoft.Data.Sqlite;
using Observer.Contracts.Signals;

namespace Observer.Backend.Storage;

/// <summary>Maps signals to rows of the SQLite tables and rows back to metrics.</summary>
internal static class SqliteSignalRows
{
    public static SqliteCommand CreateInsert(SqliteConnection connection, IncomingSignal incoming)
    {
        var command = connection.CreateCommand();
        switch (incoming.Signal)
        {
            case AiCallSignal call:
                command.CommandText = SqliteSchema.InsertCall;
                Bind(command, "$id", call.Id);
                Bind(command, "$ts", call.Timestamp.ToUnixTimeMilliseconds());
                Bind(command, "$customer", call.CustomerId);
                Bind(command, "$agent", call.AgentId);
                Bind(command, "$session", call.SessionId);
                Bind(command, "$task", call.TaskId);
                Bind(command, "$provider", call.Provider);
                Bind(command, "$model", call.Model ?? call.ResponseModel);
                Bind(command, "$operation", call.Operation);
                Bind(command, "$status", call.Status);
                Bind(command, "$is_error", IsError(call) ? 1 : 0);
                Bind(command, "$latency", call.LatencyMs);
                Bind(command, "$ttft", call.TtftMs);
                Bind(command, "$input", call.Usage.InputTokens);
                Bind(command, "$output", call.Usage.OutputTokens);
                Bind(command, "$total", call.Usage.TotalTokens ?? SumOrNull(call.Usage.InputTokens, call.Usage.OutputTokens));
                Bind(command, "$cost", call.CostUsd is { } cost ? (double)cost : null);
                break;
            case TaskSignal task:
                command.CommandText = SqliteSchema.InsertTask;
                Bind(command, "$id", task.Id);
                Bind(command, "$started", task.StartedAt.ToUnixTimeMilliseconds());
                Bind(command, "$ended", task.EndedAt.ToUnixTimeMilliseconds());
                Bind(command, "$customer", task.CustomerId);
                Bind(command, "$agent", task.AgentId);
                Bind(command, "$type", task.TaskType);
                Bind(command, "$correlation", task.Correlation);
                Bind(command, "$status", task.Status);
                Bind(command, "$outcome", task.Outcome);
                break;
            default:
                command.Dispose();
                throw new ArgumentException($"unknown signal kind {incoming.Signal.Kind}", nameof(incoming));
        }

        Bind(command, "$json", incoming.Json);
        return command;
    }

    /// <summary>A call failed when no response arrived, the status is 4xx/5xx, or an error was reported.</summary>
    public static bool IsError(AiCallSignal call) => call.Error is not null || call.Status == 0 || call.Status >= 400;

    public static CallMetric ReadMetric(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.IsDBNull(1) ? null : reader.GetString(1),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        reader.GetInt64(3) != 0,
        reader.GetDouble(4),
        reader.IsDBNull(5) ? null : reader.GetDouble(5),
        reader.IsDBNull(6) ? null : reader.GetInt64(6),
        reader.IsDBNull(7) ? null : reader.GetInt64(7),
        reader.IsDBNull(8) ? null : reader.GetInt64(8),
        reader.IsDBNull(9) ? null : reader.GetDouble(9));

    private static long? SumOrNull(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    private static void Bind(SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
}
