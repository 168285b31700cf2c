using Microsoft.Data.Sqlite;
using Observer.Contracts.Signals;

namespace Observer.Backend.Storage;

/// <summary>
/// Writes one batch inside one transaction with three commands prepared once and re-bound per signal: SQLite then
/// parses each statement once per batch instead of once per row.
/// </summary>
internal sealed class SqliteBatchWriter : IAsyncDisposable
{
    private static readonly string[] CallParameters =
    [
        "$id", "$ts", "$customer", "$agent", "$session", "$task", "$provider", "$model", "$operation", "$status",
        "$is_error", "$latency", "$ttft", "$input", "$output", "$total", "$cost", "$json",
    ];

    private static readonly string[] TaskParameters =
        ["$id", "$started", "$ended", "$customer", "$agent", "$type", "$correlation", "$status", "$outcome", "$json"];

    private readonly SqliteCommand _insertId;
    private readonly SqliteCommand _insertCall;
    private readonly SqliteCommand _insertTask;

    public SqliteBatchWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _insertId = Prepare(connection, transaction, SqliteSchema.InsertId, ["$id", "$kind", "$now"]);
        _insertCall = Prepare(connection, transaction, SqliteSchema.InsertCall, CallParameters);
        _insertTask = Prepare(connection, transaction, SqliteSchema.InsertTask, TaskParameters);
    }

    /// <summary>Stores the signal unless its id is already stored; true when it was new.</summary>
    public async Task<bool> WriteAsync(IncomingSignal incoming, long now, CancellationToken cancellationToken)
    {
        Set(_insertId, incoming.Signal.Id, incoming.Signal.Kind, now);
        if (await _insertId.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        var command = incoming.Signal switch
        {
            AiCallSignal call => Set(_insertCall,
                call.Id, call.Timestamp.ToUnixTimeMilliseconds(), call.CustomerId, call.AgentId, call.SessionId, call.TaskId,
                call.Provider, call.Model ?? call.ResponseModel, call.Operation, call.Status, SqliteSignalRows.IsError(call) ? 1 : 0,
                call.LatencyMs, call.TtftMs, call.Usage.InputTokens, call.Usage.OutputTokens,
                call.Usage.TotalTokens ?? SumOrNull(call.Usage.InputTokens, call.Usage.OutputTokens),
                call.CostUsd is { } cost ? (double)cost : null, incoming.Json),
            TaskSignal task => Set(_insertTask,
                task.Id, task.StartedAt.ToUnixTimeMilliseconds(), task.EndedAt.ToUnixTimeMilliseconds(), task.CustomerId, task.AgentId,
                task.TaskType, task.Correlation, task.Status, task.Outcome, incoming.Json),
            _ => throw new ArgumentException($"unknown signal kind {incoming.Signal.Kind}", nameof(incoming)),
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _insertId.DisposeAsync();
        await _insertCall.DisposeAsync();
        await _insertTask.DisposeAsync();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private static SqliteCommand Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }

    private static long? SumOrNull(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
