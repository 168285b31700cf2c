using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Observer.Actors.Tasks.Rules;

/// <summary>
/// Reads task rules: the embedded defaults, optionally overlaid key by key with the configuration file's
/// <c>task_rules:</c> section. Invalid rules fail at start-up with a message naming the bad value.
/// </summary>
public static class TaskRulesLoader
{
    public const string ResourceName = "Observer.Actors.Tasks.Rules.default-task-rules.yaml";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly string[] Outcomes = [TaskOutcomes.Success, TaskOutcomes.Partial, TaskOutcomes.Failure, TaskOutcomes.Unknown];

    public static TaskRules LoadDefault() => Build(DefaultDocument());

    /// <summary>The defaults overlaid with <c>task_rules:</c> from the YAML configuration file, when given.</summary>
    public static TaskRules Load(string? configFilePath)
    {
        if (string.IsNullOrEmpty(configFilePath))
        {
            return LoadDefault();
        }

        ConfigFileDocument? file;
        try
        {
            file = Deserializer().Deserialize<ConfigFileDocument>(File.ReadAllText(configFilePath));
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{configFilePath}: task_rules cannot be read: {ex.Message}", ex);
        }

        return file?.TaskRules is { } overlay ? Build(Overlay(DefaultDocument(), overlay)) : LoadDefault();
    }

    /// <summary>Parses a complete rules document (the shape of <c>default-task-rules.yaml</c>) overlaid on the defaults.</summary>
    public static TaskRules Parse(string yaml)
    {
        var document = Deserializer().Deserialize<TaskRulesDocument>(yaml) ?? new TaskRulesDocument();
        return Build(Overlay(DefaultDocument(), document));
    }

    private static TaskRulesDocument DefaultDocument()
    {
        using var stream = typeof(TaskRulesLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Deserializer().Deserialize<TaskRulesDocument>(reader.ReadToEnd());
    }

    private static TaskRulesDocument Overlay(TaskRulesDocument baseline, TaskRulesDocument overlay) => new()
    {
        Types = overlay.Types ?? baseline.Types,
        Fallback = overlay.Fallback ?? baseline.Fallback,
        Voice = overlay.Voice ?? baseline.Voice,
        Outcomes = overlay.Outcomes ?? baseline.Outcomes,
        DefaultOutcome = overlay.DefaultOutcome ?? baseline.DefaultOutcome,
    };

    private static TaskRules Build(TaskRulesDocument document) => new()
    {
        Types = (document.Types ?? []).Select(BuildType).ToList(),
        FallbackType = Required(document.Fallback?.Type, "fallback.type"),
        FallbackConfidence = Confidence(document.Fallback?.Confidence, "fallback.confidence"),
        VoiceType = Required(document.Voice?.Type, "voice.type"),
        VoiceConfidence = Confidence(document.Voice?.Confidence, "voice.confidence"),
        Outcomes = (document.Outcomes ?? []).Select(BuildOutcome).ToList(),
        DefaultOutcome = OutcomeValue(document.DefaultOutcome ?? TaskOutcomes.Unknown, "default_outcome"),
    };

    private static TaskTypeRule BuildType(TypeRuleDocument rule, int index)
    {
        var type = Required(rule.Type, $"types[{index}].type");
        var keywords = (rule.Keywords ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).OrderByDescending(k => k.Length).ToList();
        var alternation = keywords.Count == 0
            ? null
            : Compile($"(?<!\\w)(?:{string.Join('|', keywords.Select(Regex.Escape))})(?!\\w)", $"types[{index}].keywords");
        var patterns = (rule.Patterns ?? []).Select((p, i) => Compile(p, $"types[{index}].patterns[{i}]")).ToList();
        return new TaskTypeRule(type, alternation, patterns);
    }

    private static OutcomeRule BuildOutcome(OutcomeRuleDocument rule, int index)
    {
        var when = rule.When ?? new OutcomeConditionDocument();
        return new OutcomeRule(
            OutcomeValue(rule.Outcome, $"outcomes[{index}].outcome"),
            new OutcomeCondition
            {
                LastCallFailed = when.LastCallFailed,
                ErrorRatioAbove = when.ErrorRatioAbove,
                MinErrors = when.MinErrors,
                AnyFinishReason = when.AnyFinishReason,
                LastFinishReason = when.LastFinishReason,
            });
    }

    private static Regex Compile(string pattern, string where)
    {
        try
        {
            // Compiled: built once at start-up, then run over every closing task's text (the interpreter was the hot spot).
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.Compiled, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"task_rules {where}: '{pattern}' is not a valid regular expression: {ex.Message}", ex);
        }
    }

    private static string Required(string? value, string where) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"task_rules {where} is required") : value.Trim();

    private static double Confidence(double? value, string where) =>
        value is >= 0 and <= 1 ? value.Value : throw new InvalidDataException($"task_rules {where} must be between 0 and 1, got '{value}'");

    private static string OutcomeValue(string? value, string where) =>
        Outcomes.Contains(value) ? value! : throw new InvalidDataException($"task_rules {where}: '{value}' is not one of {string.Join(", ", Outcomes)}");

    private static IDeserializer Deserializer() => new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();
}
