namespace Observer.Backend.Ingest;

/// <summary>The JSON type a contract field must have. <c>Nullable*</c> kinds also accept <c>null</c>, but never absence.</summary>
public enum FieldKind
{
    String,
    NullableString,
    Integer,
    NullableInteger,
    Number,
    NullableNumber,
    Boolean,
    Timestamp,
    StringArray,
    StringMap,
    Object,
    NullableObject,
}
