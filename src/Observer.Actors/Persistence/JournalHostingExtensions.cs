using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using LinqToDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Observer.Actors.Persistence;

/// <summary>Akka.Hosting set-up of the node's journal and snapshot store (Akka.Persistence.Sql).</summary>
public static class JournalHostingExtensions
{
    /// <summary>
    /// SQLite at <c>{DataDir}/journal/observer.db</c> (WAL) or PostgreSQL; tables are created on first use.
    /// A database that cannot be prepared is reported in <see cref="JournalHealth"/> and the log, not thrown.
    /// </summary>
    public static AkkaConfigurationBuilder AddObserverJournal(this AkkaConfigurationBuilder builder, JournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var database = new JournalDatabase(options);
        builder.WithSqlPersistence(
            connectionString: database.ConnectionString,
            providerName: options.IsPostgres ? ProviderName.PostgreSQL15 : ProviderName.SQLiteMS,
            autoInitialize: true);

        // Runs before the shipper's StartActors (registration order), so the pre-flight precedes table creation.
        builder.StartActors(async (system, _, resolver) =>
        {
            var health = resolver.GetService<JournalHealth>()
                ?? throw new InvalidOperationException("register JournalHealth in DI (services.AddObserverShipping())");
            ObserverJournal.For(system).Configure(database, health);
            var logger = (resolver.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("Observer.Journal");
            try
            {
                await database.PrepareAsync(CancellationToken.None).ConfigureAwait(false);
                health.ReportWritable();
                JournalLog.Prepared(logger, options.IsPostgres ? JournalOptions.Postgres : options.SqliteFile);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                health.ReportFailure($"journal unavailable: {ex.Message}", onWrite: false);
                JournalLog.PrepareFailed(logger, ex);
            }
        });
        return builder;
    }
}
