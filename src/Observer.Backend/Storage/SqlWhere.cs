using Microsoft.Data.Sqlite;

namespace Observer.Backend.Storage;

/// <summary>Collects parameterised WHERE conditions; values never enter the SQL text.</summary>
internal sealed class SqlWhere
{
    private readonly List<string> _conditions = [];
    private readonly List<(string Name, object Value)> _parameters = [];

    public SqlWhere Equal(string column, object? value)
    {
        if (value is not null)
        {
            Add($"{column} = {{0}}", value);
        }

        return this;
    }

    public SqlWhere Range(string column, TimeRange? range)
    {
        if (range?.From is { } from)
        {
            Add($"{column} >= {{0}}", from.ToUnixTimeMilliseconds());
        }

        if (range?.To is { } to)
        {
            Add($"{column} < {{0}}", to.ToUnixTimeMilliseconds());
        }

        return this;
    }

    public SqlWhere Condition(string sql)
    {
        _conditions.Add(sql);
        return this;
    }

    /// <summary>Adds a condition whose <c>{0}</c> is replaced by a fresh parameter bound to <paramref name="value"/>.</summary>
    public SqlWhere Add(string template, object value)
    {
        var name = "$p" + _parameters.Count;
        _parameters.Add((name, value));
        _conditions.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, name));
        return this;
    }

    public string Sql => _conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", _conditions);

    public void Bind(SqliteCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
