using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Observer.Backend.Storage;

/// <summary>
/// The SQLite store: one file, WAL mode, writes serialised through one gate (SQLite has a single writer anyway),
/// reads on pooled connections. Dedup is global by signal id through <c>signal_ids</c>.
/// </summary>
public sealed class SqliteSignalStore(string databasePath) : ISignalStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.Create;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoreResult> StoreAsync(IReadOnlyList<IncomingSignal> batch, CancellationToken cancellationToken)
    {
        var stored = new List<IncomingSignal>(batch.Count);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await using (var writer = new SqliteBatchWriter(connection, transaction))
            {
                foreach (var incoming in batch)
                {
                    if (await writer.WriteAsync(incoming, now, cancellationToken))
                    {
                        stored.Add(incoming);
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }

        return new StoreResult(batch.Count, stored);
    }

    public async Task<Page> QueryCallsAsync(CallFilter filter, CancellationToken cancellationToken)
    {
        var where = new SqlWhere()
            .Equal("provider", filter.Provider)
            .Equal("model", filter.Model)
            .Equal("agent_id", filter.Agent)
            .Equal("task_id", filter.Task)
            .Range("ts", filter.Range);
        switch (filter.Status)
        {
            case null:
                break;
            case "error":
                where.Condition("is_error = 1");
                break;
            case "ok":
                where.Condition("is_error = 0");
                break;
            default:
                where.Add("status = {0}", int.Parse(filter.Status, CultureInfo.InvariantCulture));
                break;
        }

        return await PageAsync("calls", "ts DESC, id DESC", where, filter.Limit, filter.Offset, cancellationToken);
    }

    public async Task<Page> QueryTasksAsync(TaskFilter filter, CancellationToken cancellationToken)
    {
        var where = new SqlWhere()
            .Equal("agent_id", filter.Agent)
            .Equal("task_type", filter.TaskType)
            .Equal("outcome", filter.Outcome)
            .Range("started_at", filter.Range);
        return await PageAsync("tasks", "started_at DESC, id DESC", where, filter.Limit, filter.Offset, cancellationToken);
    }

    public async Task<TaskDetail?> GetTaskAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        string? taskJson;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT json FROM tasks WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            taskJson = await command.ExecuteScalarAsync(cancellationToken) as string;
        }

        var calls = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            // A task lists its call ids; calls also carry the task id. Either link is enough.
            command.CommandText = """
                SELECT json FROM calls WHERE task_id = $id
                   OR id IN (SELECT value FROM json_each((SELECT json_extract(json, '$.call_ids') FROM tasks WHERE id = $id)))
                ORDER BY ts, id
                """;
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                calls.Add(reader.GetString(0));
            }
        }

        return taskJson is null && calls.Count == 0 ? null : new TaskDetail(id, taskJson, calls);
    }

    public async Task<IReadOnlyList<CallMetric>> GetCallMetricsAsync(TimeRange range, CancellationToken cancellationToken)
    {
        var where = new SqlWhere().Range("ts", range);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT provider, model, ts, is_error, latency_ms, ttft_ms, input_tokens, output_tokens, "
            + "total_tokens, cost_usd FROM calls" + where.Sql + " ORDER BY ts";
        where.Bind(command);
        var rows = new List<CallMetric>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(SqliteSignalRows.ReadMetric(reader));
        }

        return rows;
    }

    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM calls), (SELECT COUNT(*) FROM tasks)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1));
    }

    public ValueTask DisposeAsync()
    {
        _writeGate.Dispose();
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    private async Task<Page> PageAsync(
        string table, string order, SqlWhere where, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        long total;
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = $"SELECT COUNT(*) FROM {table}{where.Sql}";
            where.Bind(count);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken) ?? 0L);
        }

        var items = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT json FROM {table}{where.Sql} ORDER BY {order} LIMIT $limit OFFSET $offset";
        where.Bind(command);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(reader.GetString(0));
        }

        return new Page(items, total, limit, offset);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
