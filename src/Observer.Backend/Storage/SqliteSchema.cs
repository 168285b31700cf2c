namespace Observer.Backend.Storage;

/// <summary>DDL of the SQLite store. Timestamps are Unix milliseconds; <c>json</c> keeps each signal as received.</summary>
internal static class SqliteSchema
{
    public const string Create = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS signal_ids (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            received_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS calls (
            id TEXT PRIMARY KEY,
            ts INTEGER NOT NULL,
            customer_id TEXT NOT NULL,
            agent_id TEXT NOT NULL,
            session_id TEXT NOT NULL,
            task_id TEXT,
            provider TEXT NOT NULL,
            model TEXT,
            operation TEXT NOT NULL,
            status INTEGER NOT NULL,
            is_error INTEGER NOT NULL,
            latency_ms REAL NOT NULL,
            ttft_ms REAL,
            input_tokens INTEGER,
            output_tokens INTEGER,
            total_tokens INTEGER,
            cost_usd REAL,
            json TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_calls_ts ON calls (ts);
        CREATE INDEX IF NOT EXISTS ix_calls_task ON calls (task_id);
        CREATE INDEX IF NOT EXISTS ix_calls_provider_model ON calls (provider, model, ts);
        CREATE INDEX IF NOT EXISTS ix_calls_agent ON calls (agent_id, ts);
        CREATE TABLE IF NOT EXISTS tasks (
            id TEXT PRIMARY KEY,
            started_at INTEGER NOT NULL,
            ended_at INTEGER NOT NULL,
            customer_id TEXT NOT NULL,
            agent_id TEXT NOT NULL,
            task_type TEXT NOT NULL,
            correlation TEXT NOT NULL,
            status TEXT NOT NULL,
            outcome TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_tasks_started ON tasks (started_at);
        """;

    public const string InsertId =
        "INSERT INTO signal_ids (id, kind, received_at) VALUES ($id, $kind, $now) ON CONFLICT(id) DO NOTHING";

    public const string InsertCall = """
        INSERT INTO calls (id, ts, customer_id, agent_id, session_id, task_id, provider, model, operation, status,
            is_error, latency_ms, ttft_ms, input_tokens, output_tokens, total_tokens, cost_usd, json)
        VALUES ($id, $ts, $customer, $agent, $session, $task, $provider, $model, $operation, $status,
            $is_error, $latency, $ttft, $input, $output, $total, $cost, $json)
        """;

    public const string InsertTask = """
        INSERT INTO tasks (id, started_at, ended_at, customer_id, agent_id, task_type, correlation, status, outcome, json)
        VALUES ($id, $started, $ended, $customer, $agent, $type, $correlation, $status, $outcome, $json)
        """;
}
