using System.Data.Common;

namespace Observer.Actors.Persistence;

/// <summary>Provider-neutral ADO.NET helpers for the SQL that runs on both SQLite and PostgreSQL.</summary>
internal static class DbCommandExtensions
{
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public static async Task<long> ScalarInt64Async(this DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a query and maps each row; <paramref name="bind"/> adds the parameters.</summary>
    public static async Task<List<T>> QueryAsync<T>(this DbConnection connection, string sql, Action<DbCommand> bind, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
