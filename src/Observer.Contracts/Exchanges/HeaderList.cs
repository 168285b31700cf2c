namespace Observer.Contracts.Exchanges;

/// <summary>
/// An ordered, case-insensitive list of header fields as observed (secrets already redacted).
/// Kept as a list so repeated fields and order survive for recording and replay.
/// </summary>
public sealed class HeaderList
{
    public static readonly HeaderList Empty = new([]);

    private readonly KeyValuePair<string, string>[] _fields;

    public HeaderList(KeyValuePair<string, string>[] fields) => _fields = fields;

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public int Count => _fields.Length;

    /// <summary>The first value of a field, or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var field in _fields)
            {
                if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return field.Value;
                }
            }

            return null;
        }
    }
}
