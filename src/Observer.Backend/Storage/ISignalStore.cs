namespace Observer.Backend.Storage;

/// <summary>
/// Where the backend keeps signals. SQLite implements it; a PostgreSQL store would implement the same calls
/// (dedup by id with an insert-if-absent, filters as indexed columns, the raw JSON kept beside them).
/// </summary>
public interface ISignalStore : IAsyncDisposable
{
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores the signals whose id is not stored yet, atomically per batch.</summary>
    Task<StoreResult> StoreAsync(IReadOnlyList<IncomingSignal> batch, CancellationToken cancellationToken);

    Task<Page> QueryCallsAsync(CallFilter filter, CancellationToken cancellationToken);

    Task<Page> QueryTasksAsync(TaskFilter filter, CancellationToken cancellationToken);

    /// <summary>Null when neither a task signal nor a call carries this id.</summary>
    Task<TaskDetail?> GetTaskAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<CallMetric>> GetCallMetricsAsync(TimeRange range, CancellationToken cancellationToken);

    Task<StoreCounts> CountAsync(CancellationToken cancellationToken);
}
