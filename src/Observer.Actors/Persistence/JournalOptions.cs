namespace Observer.Actors.Persistence;

/// <summary>Where the node's journal lives: a SQLite file under the data dir (default) or a PostgreSQL database.</summary>
public sealed class JournalOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Kind { get; set; } = Sqlite;

    /// <summary>The SQLite file is <c>{DataDir}/journal/observer.db</c>.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>Npgsql connection string; required when <see cref="Kind"/> is <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Kind, Postgres, StringComparison.OrdinalIgnoreCase);

    public string SqliteFile => Path.Combine(Path.GetFullPath(DataDir), "journal", "observer.db");

    /// <summary>Throws with the name of the bad value; called before anything touches the database.</summary>
    public void Validate()
    {
        if (!IsPostgres && !string.Equals(Kind, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"journal kind '{Kind}' is not supported: use 'sqlite' or 'postgres'", nameof(Kind));
        }

        if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("--journal postgres needs --journal-connection \"Host=...;Database=...\"", nameof(ConnectionString));
        }

        if (!IsPostgres && string.IsNullOrWhiteSpace(DataDir))
        {
            throw new ArgumentException("the SQLite journal needs a data dir", nameof(DataDir));
        }
    }

    /// <summary>The ADO.NET connection string for the journal plugin and the dead-letter store.</summary>
    public string ResolveConnectionString() => IsPostgres
        ? ConnectionString!
        : $"Data Source={SqliteFile};Pooling=True;Default Timeout=30";
}
