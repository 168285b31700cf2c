using Microsoft.Data.Sqlite;
using Observer.Contracts.Signals;

namespace Observer.Backend.Storage;

/// <summary>Row-level rules shared by the SQLite writer and readers.</summary>
internal static class SqliteSignalRows
{
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
}
