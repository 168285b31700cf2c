using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Observer.Contracts.Signals;

namespace Observer.Backend.Ingest;

/// <summary>
/// Checks a batch against the contract on the raw JSON, before any typed parsing, so that a rejection can name the
/// exact field (<c>usage.input_tokens</c>) rather than a serializer message.
/// </summary>
public static partial class SignalValidator
{
    public const int MaxBatchSize = 10_000;

    public static ValidationError? ValidateBatch(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return new ValidationError(null, "$", "the body must be a JSON array of signals");
        }

        var count = root.GetArrayLength();
        if (count == 0 || count > MaxBatchSize)
        {
            return new ValidationError(null, "$", $"a batch holds 1..{MaxBatchSize} signals, got {count}");
        }

        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            if (ValidateSignal(element) is { } error)
            {
                return error with { Index = index };
            }

            index++;
        }

        return null;
    }

    public static ValidationError? ValidateSignal(JsonElement signal)
    {
        if (signal.ValueKind != JsonValueKind.Object)
        {
            return new ValidationError(null, "$", "a signal must be a JSON object");
        }

        if (!signal.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Length == 0)
        {
            return new ValidationError(null, "id", "required non-empty string");
        }

        if (!signal.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String)
        {
            return new ValidationError(null, "kind", "required string");
        }

        var fields = SignalSchema.ForKind(kindElement.GetString()!);
        if (fields is null)
        {
            return new ValidationError(null, "kind", $"must be '{SignalKinds.AiCall}' or '{SignalKinds.Task}'");
        }

        if (!signal.TryGetProperty("schema_version", out var version) || version.ValueKind != JsonValueKind.Number)
        {
            return new ValidationError(null, "schema_version", "required number");
        }

        if (!version.TryGetInt32(out var v) || v != Signal.CurrentSchemaVersion)
        {
            return new ValidationError(null, "schema_version", $"unsupported version {version.GetRawText()}");
        }

        var error = ValidateFields(signal, SignalSchema.Common, "") ?? ValidateFields(signal, fields, "");
        if (error is null && kindElement.GetString() == SignalKinds.Task
            && signal.GetProperty("call_ids").GetArrayLength() > TaskSignal.MaxCallIds)
        {
            return new ValidationError(null, "call_ids", $"at most {TaskSignal.MaxCallIds} entries");
        }

        return error;
    }

    private static ValidationError? ValidateFields(JsonElement obj, IReadOnlyList<FieldSpec> fields, string prefix)
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            if (!obj.TryGetProperty(field.Name, out var value))
            {
                return new ValidationError(null, path, "required field is missing");
            }

            if (CheckKind(value, field.Kind) is { } problem)
            {
                return new ValidationError(null, path, problem);
            }

            if (field.Children is not null && value.ValueKind == JsonValueKind.Object
                && ValidateFields(value, field.Children, path + ".") is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static string? CheckKind(JsonElement value, FieldKind kind)
    {
        var isNull = value.ValueKind == JsonValueKind.Null;
        return kind switch
        {
            FieldKind.String => value.ValueKind == JsonValueKind.String ? null : "expected string",
            FieldKind.NullableString => isNull || value.ValueKind == JsonValueKind.String ? null : "expected string or null",
            FieldKind.Integer => IsInteger(value) ? null : "expected integer",
            FieldKind.NullableInteger => isNull || IsInteger(value) ? null : "expected integer or null",
            FieldKind.Number => value.ValueKind == JsonValueKind.Number ? null : "expected number",
            FieldKind.NullableNumber => isNull || value.ValueKind == JsonValueKind.Number ? null : "expected number or null",
            FieldKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "expected boolean",
            FieldKind.Timestamp => IsTimestamp(value) ? null : "expected RFC 3339 timestamp string",
            FieldKind.StringArray => IsArrayOf(value, JsonValueKind.Array, JsonValueKind.String) ? null : "expected array of strings",
            FieldKind.StringMap => IsArrayOf(value, JsonValueKind.Object, JsonValueKind.String) ? null : "expected object of string values",
            FieldKind.Object => value.ValueKind == JsonValueKind.Object ? null : "expected object",
            FieldKind.NullableObject => isNull || value.ValueKind == JsonValueKind.Object ? null : "expected object or null",
            _ => "unknown field kind",
        };
    }

    private static bool IsInteger(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _);

    private static bool IsTimestamp(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
        && Rfc3339().IsMatch(value.GetString()!)
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool IsArrayOf(JsonElement value, JsonValueKind container, JsonValueKind item)
    {
        if (value.ValueKind != container)
        {
            return false;
        }

        return container == JsonValueKind.Array
            ? value.EnumerateArray().All(e => e.ValueKind == item)
            : value.EnumerateObject().All(p => p.Value.ValueKind == item);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
