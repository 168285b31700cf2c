namespace Observer.Actors.Tests.Recording;

/// <summary>
/// Test classes that record sessions into the shared PostgreSQL test database and assert what an index repair finds
/// there: they run one after another, so one class's deliberately stale rows are never another's repair count.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RecordingSqlCollection
{
    public const string Name = "recording-sql";
}
