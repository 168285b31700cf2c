namespace Observer.Backend.Ingest;

/// <summary>One required field of the signal contract; <see cref="Children"/> describes an object field's own fields.</summary>
public sealed record FieldSpec(string Name, FieldKind Kind, IReadOnlyList<FieldSpec>? Children = null);
